package org.safeguarding.backbone.referrals.share.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.referrals.share.api.ShareEvents;
import org.springframework.stereotype.Component;

/** The share's internal events as the Avro integration events on {@value Topics#REFERRALS}. */
@Component
class ShareIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof ShareEvents.InformationShared shared) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, shared.childId(), InformationShared.newBuilder()
                    .setEnvelope(Envelopes.of(message, shared.childId(), shared.senderAgency(), shared.occurredAt()))
                    .setShareId(shared.shareId())
                    .setSenderAgency(shared.senderAgency())
                    .setRecipientAgencies(shared.recipientAgencies())
                    .setPurpose(shared.purpose())
                    .setStatements(shared.statements().stream()
                            .map(text -> Statement.newBuilder().setText(text).build()).toList())
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.ShareAcknowledged acknowledged) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, acknowledged.childId(),
                    ShareAcknowledged.newBuilder()
                            .setEnvelope(Envelopes.of(message, acknowledged.childId(), acknowledged.recipientAgency(),
                                    acknowledged.occurredAt()))
                            .setShareId(acknowledged.shareId())
                            .setRecipientAgency(acknowledged.recipientAgency())
                            .build()));
        }
        return Optional.empty();
    }
}
