package org.safeguarding.backbone.feedback.owed.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackGiven;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.publish.WarningsOnTheWire;
import org.springframework.stereotype.Component;

/** The feedback loop's internal events as the Avro integration events on {@value Topics#FEEDBACK}. */
@Component
class FeedbackIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof FeedbackEvents.FeedbackRequested requested) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, requested.childId(), FeedbackRequested.newBuilder()
                    .setEnvelope(Envelopes.of(message, requested.childId(), requested.owedTo(), requested.occurredAt()))
                    .setFeedbackId(requested.feedbackId())
                    .setShareId(requested.shareId())
                    .setOwedBy(requested.owedBy())
                    .setOwedTo(requested.owedTo())
                    .setDueBy(requested.dueBy())
                    .build()));
        }
        if (message.getPayload() instanceof FeedbackEvents.FeedbackGiven given) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, given.childId(), FeedbackGiven.newBuilder()
                    .setEnvelope(Envelopes.of(message, given.childId(), given.givenBy(), given.occurredAt()))
                    .setFeedbackId(given.feedbackId())
                    .setShareId(given.shareId())
                    .setGivenBy(given.givenBy())
                    .setGivenTo(given.givenTo())
                    .setActionTaken(given.actionTaken())
                    .setOutcome(given.outcome())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(given.plainLanguageWarnings()))
                    .build()));
        }
        return Optional.empty();
    }
}
