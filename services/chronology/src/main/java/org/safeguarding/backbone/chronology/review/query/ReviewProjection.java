package org.safeguarding.backbone.chronology.review.query;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents.ReviewClosed;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents.ReviewOpened;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.messaging.Correlation;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@link ReviewView} in step with the event store (subscribing: a review opened is in force when the call that
 * opened it returns), and answers for it.
 */
@Component
@ProcessingGroup(ReviewProjection.PROCESSING_GROUP)
public class ReviewProjection {

    static final String PROCESSING_GROUP = "review-view";

    private final ReviewViewRepository reviews;

    ReviewProjection(ReviewViewRepository reviews) {
        this.reviews = reviews;
    }

    @EventHandler
    void on(ReviewOpened event, @MetaDataValue(Correlation.CORRELATION_ID) String correlationId) {
        if (!reviews.existsById(event.reviewId())) {
            reviews.save(new ReviewView(event.reviewId(), event.childId(), event.openedBy(), event.reviewerAgency(),
                    event.reviewerPerson(), event.reason(), event.legalBasis(), event.periodFrom(), event.periodTo(),
                    event.expiresAt(), event.occurredAt(), correlationId));
        }
    }

    @EventHandler
    void on(ReviewClosed event) {
        reviews.findById(event.reviewId()).ifPresent(view -> view.closed(event.revoked(), event.reason(),
                event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        reviews.deleteAll();
    }

    /** The review, for the partnership that opened it and the reviewer; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public ReviewView visibleTo(String reviewId, String agency) {
        return reviews.findById(reviewId).filter(view -> view.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("review", reviewId));
    }

    /** The review, if it lets {@code agency} read {@code childId}'s history now: open, its reviewer, not expired. */
    @Transactional(readOnly = true)
    public Optional<ReviewView> granting(String reviewId, String childId, String agency, Instant now) {
        return reviews.findById(reviewId).filter(view -> view.grants(childId, agency, now));
    }
}
