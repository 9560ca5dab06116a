package org.safeguarding.backbone.messaging.audit;

import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.chronology.v1.LeadAgenciesChanged;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who leads for each child (ADR 0008): children's social care of the child's area that has been involved with it.
 * The chronology concludes it from every topic and announces each change ({@code LeadAgenciesChanged} on
 * {@value Topics#CHRONOLOGY}); a service keeps the latest in its {@code child_lead_agencies} table (its own
 * migration) and lets the lead agency read every record about the child, as the chronology does
 * ({@link ChildDataReads#readRecord}). Enabled by {@code backbone.access.lead-agencies=true}.
 */
public class LeadAgencies {

    private static final String CHRONOLOGY_NAMESPACE = LeadAgenciesChanged.getClassSchema().getNamespace();

    private final JdbcTemplate jdbc;

    public LeadAgencies(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Whether {@code agency} leads for {@code childId}, as last announced. */
    public boolean leads(String agency, String childId) {
        List<String> leads = jdbc.queryForList("select lead_agencies from child_lead_agencies where child_id = ?",
                String.class, childId);
        return !leads.isEmpty() && Arrays.asList(leads.get(0).split(",")).contains(agency);
    }

    /** Keeps the latest conclusion per child; an older one delivered again changes nothing. */
    @KafkaListener(topics = Topics.CHRONOLOGY, groupId = "${spring.application.name}.lead-agencies")
    @Transactional
    public void on(ConsumerRecord<String, SpecificRecord> record) {
        if (!(record.value() instanceof LeadAgenciesChanged changed)) {
            if (record.value() == null || !record.value().getSchema().getNamespace().equals(CHRONOLOGY_NAMESPACE)) {
                throw new UnprocessableRecord("not a record of the chronology: "
                        + (record.value() == null ? "null" : record.value().getSchema().getFullName()));
            }
            // the chronology's other records (holds, erasures) are for their own listener
            return;
        }
        String childId = changed.getEnvelope().getChildId();
        String leads = String.join(",", changed.getLeadAgencies());
        var asOf = changed.getEnvelope().getRecordedAt().atOffset(ZoneOffset.UTC);
        int updated = jdbc.update("update child_lead_agencies set lead_agencies = ?, as_of = ? "
                + "where child_id = ? and as_of <= ?", leads, asOf, childId, asOf);
        if (updated == 0 && jdbc.queryForObject("select count(*) from child_lead_agencies where child_id = ?",
                Integer.class, childId) == 0) {
            jdbc.update("insert into child_lead_agencies (child_id, lead_agencies, as_of) values (?, ?, ?)",
                    childId, leads, asOf);
        }
    }
}
