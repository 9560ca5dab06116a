package org.safeguarding.backbone.feedback.owed.api;

import java.time.Instant;
import java.time.LocalDate;

/** The facts of the feedback loop, as the event store records them. */
public sealed interface FeedbackEvents {

    String feedbackId();

    String childId();

    record FeedbackRequested(String feedbackId, String shareId, String childId, String owedBy, String owedTo,
                             LocalDate dueBy, Instant occurredAt) implements FeedbackEvents {
    }

    record FeedbackGiven(String feedbackId, String shareId, String childId, String givenBy, String givenTo,
                         String actionTaken, String outcome, Instant occurredAt) implements FeedbackEvents {
    }
}
