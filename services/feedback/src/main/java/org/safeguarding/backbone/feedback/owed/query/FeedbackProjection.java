package org.safeguarding.backbone.feedback.owed.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeAnswered;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeResolved;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallenged;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;
import org.springframework.stereotype.Component;

/** Keeps {@link FeedbackView} and {@link FeedbackChallengeView} in step with the event store, in the same transaction (subscribing). */
@Component
@ProcessingGroup("feedback-view")
class FeedbackProjection {

    private final FeedbackViewRepository feedback;
    private final FeedbackChallengeViewRepository challenges;

    FeedbackProjection(FeedbackViewRepository feedback, FeedbackChallengeViewRepository challenges) {
        this.feedback = feedback;
        this.challenges = challenges;
    }

    @EventHandler
    void on(FeedbackRequested event, @MetaDataValue(Correlation.CORRELATION_ID) String correlationId) {
        if (!feedback.existsById(event.feedbackId())) {
            feedback.save(new FeedbackView(event.feedbackId(), event.shareId(), event.childId(), event.owedBy(),
                    event.owedTo(), event.dueBy(), event.occurredAt(), correlationId));
        }
    }

    @EventHandler
    void on(FeedbackGiven event) {
        feedback.findById(event.feedbackId())
                .ifPresent(view -> view.given(event.actionTaken(), event.outcome(), event.occurredAt(),
                        event.plainLanguageWarnings()));
    }

    @EventHandler
    void on(FeedbackOverdue event) {
        feedback.findById(event.feedbackId()).ifPresent(FeedbackView::overdue);
    }

    @EventHandler
    void on(FeedbackEscalated event) {
        feedback.findById(event.feedbackId()).ifPresent(view -> view.escalated(event.level(), event.escalatedTo()));
    }

    @EventHandler
    void on(FeedbackChallenged event) {
        if (challenges.existsById(FeedbackChallengeView.key(event.feedbackId(), event.challenge()))) {
            return;
        }
        FeedbackChallengeView challenge = new FeedbackChallengeView(event.feedbackId(), event.childId(), event.challenge(),
                event.challengedBy(), event.challengedTo(), event.reasons(), event.occurredAt(),
                event.plainLanguageWarnings());
        challenge.atLevel(event.level(), event.to(), event.addressedTo(), event.answerDueBy());
        challenges.save(challenge);
        feedback.findById(event.feedbackId()).ifPresent(view -> view.challengeAddressedTo(event.addressedTo()));
    }

    @EventHandler
    void on(FeedbackChallengeAnswered event) {
        challenges.findById(FeedbackChallengeView.key(event.feedbackId(), event.challenge())).ifPresent(challenge ->
                challenge.answered(event.answer(), event.answeredBy(), event.occurredAt(),
                        event.plainLanguageWarnings()));
    }

    @EventHandler
    void on(FeedbackChallengeOverdue event) {
        challenges.findById(FeedbackChallengeView.key(event.feedbackId(), event.challenge()))
                .ifPresent(FeedbackChallengeView::overdue);
    }

    @EventHandler
    void on(FeedbackChallengeEscalated event) {
        challenges.findById(FeedbackChallengeView.key(event.feedbackId(), event.challenge())).ifPresent(challenge -> {
            challenge.atLevel(event.level(), event.to(), event.addressedTo(), event.answerDueBy());
            challenge.escalated(event.reason(), event.reasons(), event.plainLanguageWarnings());
        });
        feedback.findById(event.feedbackId()).ifPresent(view -> view.challengeAddressedTo(event.addressedTo()));
    }

    @EventHandler
    void on(FeedbackChallengeResolved event) {
        challenges.findById(FeedbackChallengeView.key(event.feedbackId(), event.challenge())).ifPresent(challenge ->
                challenge.resolved(event.resolution(), event.resolvedBy(), event.occurredAt(),
                        event.plainLanguageWarnings()));
    }

    @ResetHandler
    void reset() {
        challenges.deleteAll();
        feedback.deleteAll();
    }
}
