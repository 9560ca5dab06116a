package org.safeguarding.backbone.chronology.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: another context in this JVM (the PostgreSQL variant) joins the same
// consumer group, and would otherwise share the partitions with this one
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChronologyTest {

    private static final String CHILD = "9990001200";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    static Envelope envelope(String agency, Instant occurredAt) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(CHILD)
                .setOccurredAt(occurredAt).setRecordedAt(occurredAt.plusSeconds(1)).setActingAgency(agency)
                .setCorrelationId("conversation-1").build();
    }

    @Test
    void everyTopicFeedsTheChildsChronology_inOrder_once_forInvolvedAgenciesOnly() throws Exception {
        InformationShared shared = InformationShared.newBuilder().setEnvelope(envelope("school-a", T0))
                .setShareId("share-0001").setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a"))
                .setPurpose("Concern about a disclosure in class")
                .setStatements(List.of(Statement.newBuilder().setText("The child said ...").build())).build();
        // sent out of order, and the share twice: the chronology orders by when things happened, and dedups
        kafka.send(Topics.TRANSITIONS, CHILD, ChildTransferred.newBuilder()
                .setEnvelope(envelope("school-a", T0.plusSeconds(7200))).setTransferId("t-1")
                .setFromAgency("school-a").setToAgency("school-b").setReason("Family moved")
                .setMovedOn(LocalDate.parse("2026-11-23")).build()).get();
        kafka.send(Topics.REFERRALS, CHILD, shared).get();
        kafka.send(Topics.REFERRALS, CHILD, ShareAcknowledged.newBuilder()
                .setEnvelope(envelope("csc-a", T0.plusSeconds(600))).setShareId("share-0001")
                .setRecipientAgency("csc-a").build()).get();
        kafka.send(Topics.FEEDBACK, CHILD, FeedbackRequested.newBuilder()
                .setEnvelope(envelope("school-a", T0.plusSeconds(60))).setFeedbackId("fb-1").setShareId("share-0001")
                .setOwedBy("csc-a").setOwedTo("school-a").setDueBy(LocalDate.parse("2026-11-30")).build()).get();
        kafka.send(Topics.REFERRALS, CHILD, shared).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from chronology_entry where child_id = ?", Integer.class, CHILD) == 4);

        mvc.perform(get("/api/children/{id}/chronology", CHILD).with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(4))
                .andExpect(jsonPath("$.entries[0].eventType").value("InformationShared"))
                .andExpect(jsonPath("$.entries[0].agency").value("school-a"))
                .andExpect(jsonPath("$.entries[0].summary").value(
                        "school-a shared information with csc-a. Purpose: Concern about a disclosure in class"))
                .andExpect(jsonPath("$.entries[1].eventType").value("FeedbackRequested"))
                .andExpect(jsonPath("$.entries[2].eventType").value("ShareAcknowledged"))
                .andExpect(jsonPath("$.entries[3].eventType").value("ChildTransferred"));

        mvc.perform(get("/api/children/{id}/chronology", CHILD).with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-involved-with-child"));
        assertThat(jdbc.query("select agency, granted from chronology_access where child_id = ? order by accessed_at",
                (row, n) -> row.getString("agency") + ":" + row.getBoolean("granted"), CHILD))
                .containsExactly("school-b:true", "police-a:false");

        mvc.perform(get("/api/children/{id}/chronology", "9990001201").with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nhsNumber"));
    }

    @Test
    void anEventTypeTheChronologyDoesNotKnowIsDeadLettered_andTheNextEventIsStillRecorded() throws Exception {
        Envelope stray = envelope("school-a", T0);
        kafka.send(Topics.REFERRALS, CHILD, stray).get();
        kafka.send(Topics.REFERRALS, CHILD, ShareAcknowledged.newBuilder()
                .setEnvelope(envelope("gp-a", T0.plusSeconds(5))).setShareId("share-0002")
                .setRecipientAgency("gp-a").build()).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from chronology_entry where summary like '%share-00%' and agency = 'gp-a'",
                Integer.class) == 1);
        try (TopicReader<SpecificRecord> deadLetters = TopicReader.avro(Topics.REFERRALS + Topics.DEAD_LETTER_SUFFIX)) {
            var dead = deadLetters.await(r -> r.value() instanceof Envelope e
                    && e.getEventId().equals(stray.getEventId()), 1, Duration.ofSeconds(60));
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("does not know the event type");
        }
    }
}
