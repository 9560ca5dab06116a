package org.safeguarding.backbone.referrals.request.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestAnswered;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestEscalated;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.SharingDeclined;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.publish.WarningsOnTheWire;
import org.safeguarding.backbone.referrals.request.api.RequestEvents;
import org.springframework.stereotype.Component;

/** A request's internal events as the Avro integration events on {@value Topics#REFERRALS}. */
@Component
class RequestIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof RequestEvents.InformationRequestOverdue e) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, e.childId(), InformationRequestOverdue.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.holderAgency(), e.occurredAt()))
                    .setRequestId(e.requestId()).setHolderAgency(e.holderAgency())
                    .setRequestingAgency(e.requestingAgency()).setRespondBy(e.respondBy())
                    .build()));
        }
        if (message.getPayload() instanceof RequestEvents.InformationRequestEscalated e) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, e.childId(),
                    InformationRequestEscalated.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.holderAgency(), e.occurredAt()))
                    .setRequestId(e.requestId()).setHolderAgency(e.holderAgency())
                    .setRequestingAgency(e.requestingAgency()).setLevel(e.level()).setTo(e.to())
                    .setEscalatedTo(e.escalatedTo())
                    .build()));
        }
        if (message.getPayload() instanceof RequestEvents.InformationRequested e) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, e.childId(), InformationRequested.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.requestingAgency(), e.occurredAt()))
                    .setRequestId(e.requestId()).setRequestingAgency(e.requestingAgency())
                    .setRequestedBy(e.requestedBy()).setHolderAgency(e.holderAgency()).setWhyNeeded(e.whyNeeded())
                    .setConcern(e.concern()).setRespondBy(e.respondBy())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof RequestEvents.SharingDeclined e) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, e.childId(), SharingDeclined.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.holderAgency(), e.occurredAt()))
                    .setRequestId(e.requestId()).setHolderAgency(e.holderAgency())
                    .setRequestingAgency(e.requestingAgency()).setDecidedBy(e.decidedBy()).setReasons(e.reasons())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof RequestEvents.InformationRequestAnswered e) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, e.childId(), InformationRequestAnswered.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.holderAgency(), e.occurredAt()))
                    .setRequestId(e.requestId()).setHolderAgency(e.holderAgency())
                    .setRequestingAgency(e.requestingAgency()).setShareId(e.shareId())
                    .build()));
        }
        return Optional.empty();
    }
}
