package org.safeguarding.backbone.feedback.owed.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.Personal;
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
                         @Personal String actionTaken, @Personal String outcome, Instant occurredAt,
                         List<PlainLanguageWarning> plainLanguageWarnings) implements FeedbackEvents {
        public FeedbackGiven {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }
    /**
     * The referrer finds the feedback inadequate and challenges it: a professional disagreement, resolved by climbing
     * the partnership's ladder of levels, each answered by its deadline.
     *
     * @param challenge    which challenge of this feedback, from 1
     * @param challengedBy the referrer, owed the feedback
     * @param challengedTo the agency that gave it
     * @param level        the level the disagreement is at, 1
     * @param to           whom the level is addressed to: PRACTITIONER, DESIGNATED_LEAD or SAFEGUARDING_PARTNERSHIP
     * @param addressedTo  the agency that answers at this level
     * @param answerDueBy  the last working day to answer at this level
     */
    record FeedbackChallenged(String feedbackId, String shareId, String childId, int challenge, String challengedBy,
                              String challengedTo, @Personal String reasons, int level, String to, String addressedTo,
                              LocalDate answerDueBy, Instant occurredAt,
                              List<PlainLanguageWarning> plainLanguageWarnings) implements FeedbackEvents {
        public FeedbackChallenged {
            plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        }
    }

    /** The agency a challenge is addressed to answers it at its current level; it may answer again. */
    record FeedbackChallengeAnswered(String feedbackId, String shareId, String childId, int challenge, int level,
                                     String answeredBy, String answeredTo, @Personal String answer, Instant occurredAt,
                                     List<PlainLanguageWarning> plainLanguageWarnings) implements FeedbackEvents {
        public FeedbackChallengeAnswered {
            plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        }
    }

    /** A challenge not answered by the end of its level's due day. */
    record FeedbackChallengeOverdue(String feedbackId, String shareId, String childId, int challenge, int level,
                                    String addressedTo, LocalDate answerDueBy, Instant occurredAt)
            implements FeedbackEvents {
    }

    /**
     * A challenge taken up a level: because it was not answered in time, or because the referrer is not satisfied
     * with the answer.
     *
     * @param reason  {@code NOT_ANSWERED_IN_TIME} or {@code REFERRER_NOT_SATISFIED}
     * @param reasons the referrer's words when it escalates; null when the deadline did
     */
    record FeedbackChallengeEscalated(String feedbackId, String shareId, String childId, int challenge, int level,
                                      String to, String addressedTo, String reason, @Personal String reasons,
                                      LocalDate answerDueBy, Instant occurredAt,
                                      List<PlainLanguageWarning> plainLanguageWarnings) implements FeedbackEvents {
        public FeedbackChallengeEscalated {
            plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        }
    }

    /**
     * A challenge resolved, at the level it had reached: by the referrer, satisfied, or at the top level by the
     * agency that level is addressed to (the partnership's decision).
     */
    record FeedbackChallengeResolved(String feedbackId, String shareId, String childId, int challenge, int level,
                                     String resolvedBy, @Personal String resolution, Instant occurredAt,
                                     List<PlainLanguageWarning> plainLanguageWarnings) implements FeedbackEvents {
        public FeedbackChallengeResolved {
            plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        }
    }
}
