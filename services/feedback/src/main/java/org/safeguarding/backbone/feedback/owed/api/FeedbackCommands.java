package org.safeguarding.backbone.feedback.owed.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class FeedbackCommands {

    private FeedbackCommands() {
    }

    /** A recipient of a share now owes its sender feedback. */
    public record RequestFeedback(@TargetAggregateIdentifier String feedbackId, String shareId, String childId,
                                  String owedBy, String owedTo, LocalDate dueBy, Instant occurredAt) {
    }

    public record GiveFeedback(@TargetAggregateIdentifier String feedbackId, String agency, String actionTaken,
                               String outcome, Instant occurredAt) {
    }
}
