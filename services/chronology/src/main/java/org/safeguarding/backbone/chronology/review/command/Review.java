package org.safeguarding.backbone.chronology.review.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Duration;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.chronology.review.api.ReviewCommands.CloseReview;
import org.safeguarding.backbone.chronology.review.api.ReviewCommands.OpenReview;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents.ReviewClosed;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents.ReviewOpened;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/**
 * A review of a child's case (R15): the lawful way for a review panel to read a child's whole history. Opened by a
 * safeguarding partnership with a reason, a legal basis, the period covered and an expiry; closed or revoked by it.
 */
@Aggregate
public class Review {

    /** Access under a review lasts at most this long; a longer review is opened again, on the record. */
    static final Duration LONGEST = Duration.ofDays(366);

    @AggregateIdentifier
    private String reviewId;
    private String childId;
    private String openedBy;
    private String reviewerAgency;
    private boolean closed;

    protected Review() {
    }

    @CommandHandler
    public Review(OpenReview command) {
        if (command.openerKind() != AgencyKind.SAFEGUARDING_PARTNERSHIP) {
            throw new NotAPartnership(command.openedBy());
        }
        if (blank(command.reason())) {
            throw new Invalid("no-reason-for-review", "A review must say why the child's history is to be read.",
                    "reason");
        }
        if (blank(command.legalBasis())) {
            throw new Invalid("no-legal-basis", "A review must state its legal basis.", "legalBasis");
        }
        if (command.periodTo().isBefore(command.periodFrom())) {
            throw new Invalid("period-backwards", "The period covered ends before it starts.", "periodTo");
        }
        if (!command.expiresAt().isAfter(command.occurredAt())) {
            throw new Invalid("already-expired", "A review must expire after it is opened.", "expiresAt");
        }
        if (command.expiresAt().isAfter(command.occurredAt().plus(LONGEST))) {
            throw new Invalid("review-too-long", "Access under a review lasts at most " + LONGEST.toDays()
                    + " days; open another when that is not enough.", "expiresAt");
        }
        apply(new ReviewOpened(command.reviewId(), command.childId(), command.openedBy(), command.reviewerAgency(),
                command.reviewerPerson(), command.reason(), command.legalBasis(), command.periodFrom(),
                command.periodTo(), command.expiresAt(), command.occurredAt()));
    }

    @CommandHandler
    public void handle(CloseReview command) {
        if (!openedBy.equals(command.agency())) {
            throw new NotTheOpener(reviewId, command.agency());
        }
        if (closed) {
            throw new AlreadyClosed(reviewId);
        }
        if (command.revoke() && blank(command.reason())) {
            throw new Invalid("no-reason-for-revoking", "Revoking a review is recorded with the reason.", "reason");
        }
        apply(new ReviewClosed(reviewId, childId, openedBy, reviewerAgency, command.revoke(), command.reason(),
                command.occurredAt()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    @EventSourcingHandler
    void on(ReviewOpened event) {
        reviewId = event.reviewId();
        childId = event.childId();
        openedBy = event.openedBy();
        reviewerAgency = event.reviewerAgency();
    }

    @EventSourcingHandler
    void on(ReviewClosed event) {
        closed = true;
    }

    /** Only a safeguarding partnership opens a review of a child's case. */
    public static final class NotAPartnership extends RuleViolation {
        NotAPartnership(String agency) {
            super(Kind.FORBIDDEN, "not-a-partnership", "Agency " + agency + " is not a safeguarding partnership: only "
                    + "a partnership opens a review of a child's case.", null);
        }
    }

    /** Only the partnership that opened a review closes or revokes it. */
    public static final class NotTheOpener extends RuleViolation {
        NotTheOpener(String reviewId, String agency) {
            super(Kind.FORBIDDEN, "not-the-opener", "Review " + reviewId + " was not opened by " + agency + ".",
                    null);
        }
    }

    /** A review ends once. */
    public static final class AlreadyClosed extends RuleViolation {
        AlreadyClosed(String reviewId) {
            super("review-already-closed", "Review " + reviewId + " has already been closed or revoked.");
        }
    }
}
