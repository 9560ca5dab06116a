package org.safeguarding.backbone.messaging.publish;

import java.time.Instant;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.kernel.agency.ActingPractitioner;
import org.safeguarding.backbone.messaging.Correlation;

/** Builds the envelope of an integration event from the stored event it publishes. */
public final class Envelopes {

    /**
     * The acting agency of an act the backbone makes itself (a deadline passed, a pattern found, a change of lead
     * agency, a share sent over Kafka refused, content erased when its retention ended), as docs/events.md names it.
     */
    public static final String BACKBONE = "backbone";

    private Envelopes() {
    }

    /**
     * The event id is the stored event's id, so a re-publication carries the same id and consumers can drop it;
     * recordedAt is when the event store recorded it.
     */
    public static Envelope of(EventMessage<?> stored, String childId, String actingAgency, Instant occurredAt) {
        Object correlationId = stored.getMetaData().get(Correlation.CORRELATION_ID);
        Object causationId = stored.getMetaData().get(Correlation.CAUSATION_ID);
        Object practitioner = stored.getMetaData().get(ActingPractitioner.METADATA);
        return Envelope.newBuilder()
                .setEventId(stored.getIdentifier())
                .setChildId(childId)
                .setOccurredAt(occurredAt)
                .setRecordedAt(stored.getTimestamp())
                .setActingAgency(actingAgency)
                .setActingPractitioner(practitioner == null ? null : practitioner.toString())
                .setCorrelationId(correlationId == null ? stored.getIdentifier() : correlationId.toString())
                .setCausationId(causationId == null ? null : causationId.toString())
                .build();
    }
}
