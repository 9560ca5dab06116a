package org.safeguarding.backbone.chronology.review.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.reviews.v1.ReviewClosed;
import org.safeguarding.backbone.contracts.reviews.v1.ReviewOpened;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.springframework.stereotype.Component;

/** A review's internal events as the Avro integration events on {@value Topics#REVIEWS}. */
@Component
class ReviewIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof ReviewEvents.ReviewOpened opened) {
            return Optional.of(new IntegrationEvent(Topics.REVIEWS, opened.childId(), ReviewOpened.newBuilder()
                    .setEnvelope(Envelopes.of(message, opened.childId(), opened.openedBy(), opened.occurredAt()))
                    .setReviewId(opened.reviewId())
                    .setOpenedBy(opened.openedBy())
                    .setReviewerAgency(opened.reviewerAgency())
                    .setReviewerPerson(opened.reviewerPerson())
                    .setReason(opened.reason())
                    .setLegalBasis(opened.legalBasis())
                    .setPeriodFrom(opened.periodFrom())
                    .setPeriodTo(opened.periodTo())
                    .setExpiresAt(opened.expiresAt())
                    .build()));
        }
        if (message.getPayload() instanceof ReviewEvents.ReviewClosed closed) {
            return Optional.of(new IntegrationEvent(Topics.REVIEWS, closed.childId(), ReviewClosed.newBuilder()
                    .setEnvelope(Envelopes.of(message, closed.childId(), closed.closedBy(), closed.occurredAt()))
                    .setReviewId(closed.reviewId())
                    .setClosedBy(closed.closedBy())
                    .setReviewerAgency(closed.reviewerAgency())
                    .setRevoked(closed.revoked())
                    .setReason(closed.reason())
                    .build()));
        }
        return Optional.empty();
    }
}
