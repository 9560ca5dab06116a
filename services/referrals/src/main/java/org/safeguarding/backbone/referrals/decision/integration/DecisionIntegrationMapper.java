package org.safeguarding.backbone.referrals.decision.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.DecidedNotToShare;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.publish.WarningsOnTheWire;
import org.safeguarding.backbone.referrals.decision.api.DecisionEvents;
import org.springframework.stereotype.Component;

/** Decisions as Avro integration events on {@value Topics#REFERRALS}: for the chronology and reviewers. */
@Component
class DecisionIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof DecisionEvents.DecidedNotToShare e) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, e.childId(), DecidedNotToShare.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.decidingAgency(), e.occurredAt()))
                    .setDecisionId(e.decisionId()).setDecidingAgency(e.decidingAgency()).setDecidedBy(e.decidedBy())
                    .setConsideredAgencies(e.consideredAgencies()).setReasons(e.reasons())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings()))
                    .build()));
        }
        return Optional.empty();
    }
}
