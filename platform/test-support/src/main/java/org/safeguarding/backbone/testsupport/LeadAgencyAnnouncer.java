package org.safeguarding.backbone.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.chronology.v1.LeadAgenciesChanged;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.messaging.audit.LeadAgencies;

/**
 * Stands in for the chronology announcing who leads for a child ({@code LeadAgenciesChanged}), and waits until the
 * service under test has taken it in.
 */
public final class LeadAgencyAnnouncer {

    private LeadAgencyAnnouncer() {
    }

    public static void announce(LeadAgencies service, String childId, String lead) throws Exception {
        Instant now = Instant.now();
        String eventId = UUID.randomUUID().toString();
        try (TopicWriter<SpecificRecord> chronology = TopicWriter.avroAs(LocalKafkaBroker.ADMIN)) {
            chronology.send(Topics.CHRONOLOGY, childId, LeadAgenciesChanged.newBuilder()
                    .setEnvelope(Envelope.newBuilder().setEventId(eventId).setChildId(childId).setOccurredAt(now)
                            .setRecordedAt(now).setActingAgency("backbone").setCorrelationId(eventId).build())
                    .setArea("area-b").setLeadAgencies(List.of(lead)).build());
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!service.leads(lead, childId)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the service did not learn that " + lead + " leads for " + childId);
            }
            Thread.sleep(100);
        }
    }
}
