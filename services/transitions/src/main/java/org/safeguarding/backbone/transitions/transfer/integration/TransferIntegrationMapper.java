package org.safeguarding.backbone.transitions.transfer.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.contracts.transitions.v1.PackageItem;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageAcknowledged;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageOverdue;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageSent;
import org.safeguarding.backbone.contracts.transitions.v1.TransferProposed;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents;
import org.springframework.stereotype.Component;
import org.safeguarding.backbone.messaging.publish.WarningsOnTheWire;

/** A transfer's internal events as the Avro integration events on {@value Topics#TRANSITIONS}. */
@Component
class TransferIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof TransferEvents.TransferPackageSent e) {
            return Optional.of(new IntegrationEvent(Topics.TRANSITIONS, e.childId(), TransferPackageSent.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.fromAgency(), e.occurredAt()))
                    .setTransferId(e.transferId()).setFromAgency(e.fromAgency()).setToAgency(e.toAgency())
                    .setItems(e.items().stream().map(item -> PackageItem.newBuilder().setShareId(item.shareId())
                            .setSharedBy(item.sharedBy()).setSharedAt(item.sharedAt()).setPurpose(item.purpose())
                            .setConsentStatus(item.consentStatus()).setLawfulBasis(item.lawfulBasis()).build())
                            .toList())
                    .setAcknowledgeBy(e.acknowledgeBy()).build()));
        }
        if (message.getPayload() instanceof TransferEvents.TransferPackageAcknowledged e) {
            return Optional.of(new IntegrationEvent(Topics.TRANSITIONS, e.childId(),
                    TransferPackageAcknowledged.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.toAgency(), e.occurredAt()))
                    .setTransferId(e.transferId()).setFromAgency(e.fromAgency()).setToAgency(e.toAgency())
                    .setComplete(e.complete()).setMissing(e.missing())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings())).build()));
        }
        if (message.getPayload() instanceof TransferEvents.TransferPackageOverdue e) {
            return Optional.of(new IntegrationEvent(Topics.TRANSITIONS, e.childId(), TransferPackageOverdue.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.toAgency(), e.occurredAt()))
                    .setTransferId(e.transferId()).setFromAgency(e.fromAgency()).setToAgency(e.toAgency())
                    .setAcknowledgeBy(e.acknowledgeBy()).setAcknowledgedIncomplete(e.acknowledgedIncomplete())
                    .build()));
        }
        if (message.getPayload() instanceof TransferEvents.ChildTransferred moved) {
            return Optional.of(new IntegrationEvent(Topics.TRANSITIONS, moved.childId(), ChildTransferred.newBuilder()
                    .setEnvelope(Envelopes.of(message, moved.childId(), moved.recordedBy(), moved.occurredAt()))
                    .setTransferId(moved.transferId())
                    .setFromAgency(moved.fromAgency())
                    .setToAgency(moved.toAgency())
                    .setReason(moved.reason())
                    .setMovedOn(moved.movedOn())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(moved.plainLanguageWarnings()))
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
                            .setPlainLanguageWarnings(WarningsOnTheWire.of(proposed.plainLanguageWarnings()))
                            .build()));
        }
        return Optional.empty();
    }
}
