package org.safeguarding.backbone.feedback.owed.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;
import org.springframework.stereotype.Component;

/** Keeps {@link FeedbackView} in step with the event store, in the same transaction (subscribing). */
@Component
@ProcessingGroup("feedback-view")
class FeedbackProjection {

    private final FeedbackViewRepository feedback;

    FeedbackProjection(FeedbackViewRepository feedback) {
        this.feedback = feedback;
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

    @ResetHandler
    void reset() {
        feedback.deleteAll();
    }
}
