package org.safeguarding.backbone.chronology.retention.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.chronology.retention.api.RetentionEvents;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.chronology.v1.ChildContentErased;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldPlaced;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldPurpose;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldReleased;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.springframework.stereotype.Component;

/** Holds on and erasure of a child's records as the Avro integration events on {@value Topics#CHRONOLOGY}. */
@Component
class RetentionIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof RetentionEvents.LegalHoldPlaced placed) {
            return Optional.of(new IntegrationEvent(Topics.CHRONOLOGY, placed.childId(), LegalHoldPlaced.newBuilder()
                    .setEnvelope(Envelopes.of(message, placed.childId(), placed.placedBy(), placed.occurredAt()))
                    .setHoldId(placed.holdId())
                    .setPurpose(LegalHoldPurpose.valueOf(placed.purpose().name()))
                    .setReference(placed.reference())
                    .build()));
        }
        if (message.getPayload() instanceof RetentionEvents.LegalHoldReleased released) {
            return Optional.of(new IntegrationEvent(Topics.CHRONOLOGY, released.childId(),
                    LegalHoldReleased.newBuilder()
                            .setEnvelope(Envelopes.of(message, released.childId(), released.releasedBy(),
                                    released.occurredAt()))
                            .setHoldId(released.holdId())
                            .setReason(released.reason())
                            .build()));
        }
        if (message.getPayload() instanceof RetentionEvents.ChildContentErased erased) {
            return Optional.of(new IntegrationEvent(Topics.CHRONOLOGY, erased.childId(),
                    ChildContentErased.newBuilder()
                            .setEnvelope(Envelopes.of(message, erased.childId(), erased.orderedBy(),
                                    erased.occurredAt()))
                            .setErasureId(erased.erasureId())
                            .setReason(erased.reason())
                            .build()));
        }
        return Optional.empty();
    }
}
