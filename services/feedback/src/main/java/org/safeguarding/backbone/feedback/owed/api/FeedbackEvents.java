package org.safeguarding.backbone.feedback.owed.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;

/** The facts of the feedback loop, as the event store records them. */
public sealed interface FeedbackEvents {

    String feedbackId();

    String childId();

    record FeedbackRequested(String feedbackId, String shareId, String childId, String owedBy, String owedTo,
                             LocalDate dueBy, Instant occurredAt) implements FeedbackEvents {
    }

    /** The due day ended without feedback (R8): the first the referrer and the owing agency hear of it. */
    record FeedbackOverdue(String feedbackId, String shareId, String childId, String owedBy, String owedTo,
                           LocalDate dueBy, Instant occurredAt) implements FeedbackEvents {
    }

    /**
     * Feedback still not given, escalated a step up the ladder (R8).
     *
     * @param level       the step, from 1
     * @param to          whom the step escalates to: the owing agency's designated lead, or the partnership
     * @param escalatedTo the agency told
     */
    record FeedbackEscalated(String feedbackId, String shareId, String childId, String owedBy, String owedTo,
                             int level, String to, String escalatedTo, Instant occurredAt) implements FeedbackEvents {
    }

    /**
     * @param plainLanguageWarnings jargon and acronyms found in what the referrer will read (R16); none in events
     *                              stored before they were checked
     */
    record FeedbackGiven(String feedbackId, String shareId, String childId, String givenBy, String givenTo,
                         String actionTaken, String outcome, Instant occurredAt,
                         List<PlainLanguageWarning> plainLanguageWarnings) implements FeedbackEvents {
        public FeedbackGiven {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }
}
