package org.safeguarding.backbone.feedback.owed.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeAnswered;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeEscalated;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeOverdue;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeResolved;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallenged;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackEscalated;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackGiven;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackOverdue;
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
        if (message.getPayload() instanceof FeedbackEvents.FeedbackOverdue overdue) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, overdue.childId(), FeedbackOverdue.newBuilder()
                    .setEnvelope(Envelopes.of(message, overdue.childId(), overdue.owedBy(), overdue.occurredAt()))
                    .setFeedbackId(overdue.feedbackId())
                    .setShareId(overdue.shareId())
                    .setOwedBy(overdue.owedBy())
                    .setOwedTo(overdue.owedTo())
                    .setDueBy(overdue.dueBy())
                    .build()));
        }
        if (message.getPayload() instanceof FeedbackEvents.FeedbackEscalated escalated) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, escalated.childId(), FeedbackEscalated.newBuilder()
                    .setEnvelope(Envelopes.of(message, escalated.childId(), escalated.owedBy(),
                            escalated.occurredAt()))
                    .setFeedbackId(escalated.feedbackId())
                    .setShareId(escalated.shareId())
                    .setOwedBy(escalated.owedBy())
                    .setOwedTo(escalated.owedTo())
                    .setLevel(escalated.level())
                    .setTo(escalated.to())
                    .setEscalatedTo(escalated.escalatedTo())
                    .build()));
        }
        return challenge(message);
    }

    /** A professional disagreement about feedback; the acting agency is the one that did what the event says. */
    private static Optional<IntegrationEvent> challenge(EventMessage<?> message) {
        if (message.getPayload() instanceof FeedbackEvents.FeedbackChallenged e) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, e.childId(), FeedbackChallenged.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.challengedBy(), e.occurredAt()))
                    .setFeedbackId(e.feedbackId())
                    .setShareId(e.shareId())
                    .setChallenge(e.challenge())
                    .setChallengedBy(e.challengedBy())
                    .setChallengedTo(e.challengedTo())
                    .setReasons(e.reasons())
                    .setLevel(e.level())
                    .setTo(e.to())
                    .setAddressedTo(e.addressedTo())
                    .setAnswerDueBy(e.answerDueBy())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof FeedbackEvents.FeedbackChallengeAnswered e) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, e.childId(), FeedbackChallengeAnswered.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.answeredBy(), e.occurredAt()))
                    .setFeedbackId(e.feedbackId())
                    .setShareId(e.shareId())
                    .setChallenge(e.challenge())
                    .setLevel(e.level())
                    .setAnsweredBy(e.answeredBy())
                    .setAnsweredTo(e.answeredTo())
                    .setAnswer(e.answer())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof FeedbackEvents.FeedbackChallengeOverdue e) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, e.childId(), FeedbackChallengeOverdue.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.addressedTo(), e.occurredAt()))
                    .setFeedbackId(e.feedbackId())
                    .setShareId(e.shareId())
                    .setChallenge(e.challenge())
                    .setLevel(e.level())
                    .setAddressedTo(e.addressedTo())
                    .setAnswerDueBy(e.answerDueBy())
                    .build()));
        }
        if (message.getPayload() instanceof FeedbackEvents.FeedbackChallengeEscalated e) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, e.childId(), FeedbackChallengeEscalated.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.addressedTo(), e.occurredAt()))
                    .setFeedbackId(e.feedbackId())
                    .setShareId(e.shareId())
                    .setChallenge(e.challenge())
                    .setLevel(e.level())
                    .setTo(e.to())
                    .setAddressedTo(e.addressedTo())
                    .setReason(e.reason())
                    .setReasons(e.reasons())
                    .setAnswerDueBy(e.answerDueBy())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof FeedbackEvents.FeedbackChallengeResolved e) {
            return Optional.of(new IntegrationEvent(Topics.FEEDBACK, e.childId(), FeedbackChallengeResolved.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.resolvedBy(), e.occurredAt()))
                    .setFeedbackId(e.feedbackId())
                    .setShareId(e.shareId())
                    .setChallenge(e.challenge())
                    .setLevel(e.level())
                    .setResolvedBy(e.resolvedBy())
                    .setResolution(e.resolution())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings()))
                    .build()));
        }
        return Optional.empty();
    }
}
