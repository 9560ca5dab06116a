package org.safeguarding.backbone.chronology.review.api;

import java.time.Instant;
import java.time.LocalDate;

/** The facts of a review of a child's case, as the event store records them. */
public sealed interface ReviewEvents {

    String reviewId();

    String childId();

    record ReviewOpened(String reviewId, String childId, String openedBy, String reviewerAgency,
                        String reviewerPerson, String reason, String legalBasis, LocalDate periodFrom,
                        LocalDate periodTo, Instant expiresAt, Instant occurredAt) implements ReviewEvents {
    }

    /** The review ended: closed with its work done, or revoked (with the reason). */
    record ReviewClosed(String reviewId, String childId, String closedBy, String reviewerAgency, boolean revoked,
                        String reason, Instant occurredAt) implements ReviewEvents {
    }
}
