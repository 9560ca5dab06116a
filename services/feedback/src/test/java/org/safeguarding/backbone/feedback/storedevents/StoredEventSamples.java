package org.safeguarding.backbone.feedback.storedevents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeAnswered;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeResolved;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallenged;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;

/**
 * One stored event of every kind the feedback service records, with fixed values (synthetic).
 * {@code src/test/resources/stored-events/feedback-0.1.json} holds them as the event store of version 0.1 wrote them.
 */
public final class StoredEventSamples {

    public static final String FEEDBACK = "5d1c2b3a-7e6f-4a1b-8c2d-000000000001";
    static final String SHARE = "0b7c6d1e-5f1a-4c53-9a27-000000000001";
    static final String CHILD = "9990000018";
    static final Instant AT = Instant.parse("2026-11-20T09:15:00Z");

    private StoredEventSamples() {
    }

    public static List<Object> feedback() {
        return List.of(
                new FeedbackRequested(FEEDBACK, SHARE, CHILD, "csc-a", "school-a", LocalDate.of(2026, 12, 4), AT),
                new FeedbackGiven(FEEDBACK, SHARE, CHILD, "csc-a", "school-a", "Strategy discussion held",
                        "Child and family assessment started", AT.plusSeconds(3600),
                        // version 0.1 checked no feedback for jargon: it stored none, and loads with none
                        List.of()));
    }

    /** The events added since 0.1: not in its fixture. */
    public static List<Object> since0_1() {
        return List.of(
                new FeedbackOverdue(FEEDBACK, SHARE, CHILD, "csc-a", "school-a", LocalDate.of(2026, 12, 4),
                        Instant.parse("2026-12-05T00:00:00Z")),
                new FeedbackEscalated(FEEDBACK, SHARE, CHILD, "csc-a", "school-a", 2, "SAFEGUARDING_PARTNERSHIP",
                        "partnership-a", Instant.parse("2026-12-12T00:00:00Z")),
                new FeedbackChallenged(FEEDBACK, SHARE, CHILD, 1, "school-a", "csc-a", "The child was not seen", 1,
                        "PRACTITIONER", "csc-a", LocalDate.of(2026, 12, 17), Instant.parse("2026-12-14T10:00:00Z"),
                        List.of()),
                new FeedbackChallengeAnswered(FEEDBACK, SHARE, CHILD, 1, 1, "csc-a", "school-a", "A visit is booked",
                        Instant.parse("2026-12-15T10:00:00Z"), List.of()),
                new FeedbackChallengeOverdue(FEEDBACK, SHARE, CHILD, 1, 2, "csc-a", LocalDate.of(2026, 12, 22),
                        Instant.parse("2026-12-23T00:00:00Z")),
                new FeedbackChallengeEscalated(FEEDBACK, SHARE, CHILD, 1, 3, "SAFEGUARDING_PARTNERSHIP",
                        "partnership-a", "NOT_ANSWERED_IN_TIME", null, LocalDate.of(2027, 1, 8),
                        Instant.parse("2026-12-23T00:00:00Z"), List.of()),
                new FeedbackChallengeResolved(FEEDBACK, SHARE, CHILD, 1, 3, "partnership-a",
                        "A strategy discussion is to be held", Instant.parse("2027-01-05T10:00:00Z"), List.of()));
    }
}
