package org.safeguarding.backbone.chronology.review.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.safeguarding.backbone.kernel.agency.AgencyKind;

/** What a safeguarding partnership can ask of a review of a child's case. */
public final class ReviewCommands {

    private ReviewCommands() {
    }

    /**
     * R15: a partnership opens a review: who reviews, why, on what legal basis, which period of the child's history,
     * and until when.
     *
     * @param openerKind the kind of the agency opening it (only a safeguarding partnership may)
     */
    public record OpenReview(@TargetAggregateIdentifier String reviewId, String childId, String openedBy,
                             AgencyKind openerKind, String reviewerAgency, String reviewerPerson, String reason,
                             String legalBasis, LocalDate periodFrom, LocalDate periodTo, Instant expiresAt,
                             Instant occurredAt) {
    }

    /** The partnership ends a review: its work done, or revoked with a reason. */
    public record CloseReview(@TargetAggregateIdentifier String reviewId, String agency, boolean revoke,
                              String reason, Instant occurredAt) {
    }
}
