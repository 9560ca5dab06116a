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
    /** The referrer challenges feedback it finds inadequate (professional disagreement). */
    public record ChallengeFeedback(@TargetAggregateIdentifier String feedbackId, String agency, String reasons,
                                    Instant occurredAt) {
    }

    public record AnswerChallenge(@TargetAggregateIdentifier String feedbackId, int challenge, String agency,
                                  String answer, Instant occurredAt) {
    }

    /** The referrer, not satisfied with the answer, takes the challenge up a level. */
    public record EscalateChallenge(@TargetAggregateIdentifier String feedbackId, int challenge, String agency,
                                    String reasons, Instant occurredAt) {
    }

    public record ResolveChallenge(@TargetAggregateIdentifier String feedbackId, int challenge, String agency,
                                   String resolution, Instant occurredAt) {
    }
}
