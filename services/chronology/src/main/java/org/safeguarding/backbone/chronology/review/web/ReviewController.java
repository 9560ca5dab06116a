package org.safeguarding.backbone.chronology.review.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Future;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.chronology.review.api.ReviewCommands.CloseReview;
import org.safeguarding.backbone.chronology.review.api.ReviewCommands.OpenReview;
import org.safeguarding.backbone.chronology.review.query.ReviewProjection;
import org.safeguarding.backbone.chronology.review.query.ReviewView;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.web.body.Child;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Reviews of a child's case over HTTP (R15): a safeguarding partnership opens one for a reviewer, who then reads the
 * child's chronology with {@code ?review=<id>}; the partnership closes or revokes it.
 */
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private final CommandGateway commands;
    private final ReviewProjection reviews;
    private final KnownAgencies agencies;

    ReviewController(CommandGateway commands, ReviewProjection reviews, KnownAgencies agencies) {
        this.commands = commands;
        this.reviews = reviews;
        this.agencies = agencies;
    }

    @PostMapping
    ResponseEntity<ReviewView> open(@Valid @RequestBody OpenReviewBody body, Principal principal,
                                    RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        agencies.require("reviewerAgency", body.reviewerAgency());
        String reviewId = UUID.randomUUID().toString();
        CorrelatedCommands.sendAndWait(commands, new OpenReview(reviewId, body.child().nhsNumber(), agency,
                agencies.kindOf(agency).orElse(null), body.reviewerAgency(), body.reviewerPerson(), body.reason(),
                body.legalBasis(), body.periodFrom(), body.periodTo(), body.expiresAt(), Instant.now()),
                Correlation.startedBy(correlation.id()));
        return ResponseEntity.created(URI.create("/api/reviews/" + reviewId))
                .body(reviews.visibleTo(reviewId, agency));
    }

    @GetMapping("/{reviewId}")
    ReviewView get(@PathVariable String reviewId, Principal principal) {
        return reviews.visibleTo(reviewId, CallingAgency.of(principal));
    }

    /** The review's work is done: the reviewer's access ends. */
    @PostMapping("/{reviewId}/closure")
    ReviewView close(@PathVariable String reviewId, @Valid @RequestBody(required = false) EndBody body,
                     Principal principal, RequestedCorrelation correlation) {
        return end(reviewId, false, body, principal, correlation);
    }

    /** The review ends early, with the reason: the reviewer's access ends. */
    @PostMapping("/{reviewId}/revocation")
    ReviewView revoke(@PathVariable String reviewId, @Valid @RequestBody(required = false) EndBody body,
                      Principal principal, RequestedCorrelation correlation) {
        return end(reviewId, true, body, principal, correlation);
    }

    private ReviewView end(String reviewId, boolean revoke, EndBody body, Principal principal,
                           RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        ReviewView review = reviews.visibleTo(reviewId, agency);
        CorrelatedCommands.sendAndWait(commands, new CloseReview(reviewId, agency, revoke,
                body == null ? null : body.reason(), Instant.now()),
                Correlation.continuing(review.getCorrelationId(), correlation.id()));
        return reviews.visibleTo(reviewId, agency);
    }

    record OpenReviewBody(@NotNull(message = "must identify the child") @Valid Child child,
                          @NotBlank(message = "is required") @Size(max = 100) String reviewerAgency,
                          @NotBlank(message = "must say who carries out the review") @Size(max = 200)
                          String reviewerPerson,
                          @NotBlank(message = "must say why the history is to be read") @Size(max = 4000)
                          String reason,
                          @NotBlank(message = "must state the legal basis") @Size(max = 1000) String legalBasis,
                          @NotNull(message = "is required") LocalDate periodFrom,
                          @NotNull(message = "is required") LocalDate periodTo,
                          @NotNull(message = "is required") @Future(message = "must be in the future")
                          Instant expiresAt) {
    }

    record EndBody(@Size(max = 4000) String reason) {
    }
}
