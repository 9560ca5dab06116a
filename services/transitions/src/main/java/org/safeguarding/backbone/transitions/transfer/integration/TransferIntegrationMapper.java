package org.safeguarding.backbone.transitions.transfer.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.contracts.transitions.v1.TransferProposed;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents;
import org.springframework.stereotype.Component;

/** A transfer's internal events as the Avro integration events on {@value Topics#TRANSITIONS}. */
@Component
class TransferIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof TransferEvents.ChildTransferred moved) {
            return Optional.of(new IntegrationEvent(Topics.TRANSITIONS, moved.childId(), ChildTransferred.newBuilder()
                    .setEnvelope(Envelopes.of(message, moved.childId(), moved.recordedBy(), moved.occurredAt()))
                    .setTransferId(moved.transferId())
                    .setFromAgency(moved.fromAgency())
                    .setToAgency(moved.toAgency())
                    .setReason(moved.reason())
                    .setMovedOn(moved.movedOn())
                    .build()));
        }
        if (message.getPayload() instanceof TransferEvents.TransferProposed proposed) {
            return Optional.of(new IntegrationEvent(Topics.TRANSITIONS, proposed.childId(),
                    TransferProposed.newBuilder()
                            .setEnvelope(Envelopes.of(message, proposed.childId(), proposed.proposedBy(),
                                    proposed.occurredAt()))
                            .setTransferId(proposed.transferId())
                            .setFromAgency(proposed.fromAgency())
                            .setToAgency(proposed.toAgency())
                            .setReason(proposed.reason())
                            .setMovedOn(proposed.movedOn())
                            .build()));
        }
        return Optional.empty();
    }
}
