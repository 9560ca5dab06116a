package org.safeguarding.backbone.chronology.review;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.review.api.ReviewCommands.CloseReview;
import org.safeguarding.backbone.chronology.review.api.ReviewCommands.OpenReview;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents.ReviewClosed;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents.ReviewOpened;
import org.safeguarding.backbone.chronology.review.command.Review;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.rule.Invalid;

class ReviewTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    private static final String CHILD = "9990000018";
    private static final LocalDate FROM = LocalDate.parse("2026-01-01");
    private static final LocalDate TO = LocalDate.parse("2026-11-24");

    private AggregateTestFixture<Review> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(Review.class);
    }

    private static OpenReview open(AgencyKind kind, String reason, String basis, LocalDate to, Instant expires) {
        return new OpenReview("r-1", CHILD, "partnership-a", kind, "partnership-a", "Independent reviewer (synthetic)",
                reason, basis, FROM, to, expires, NOW);
    }

    private static ReviewOpened opened() {
        return new ReviewOpened("r-1", CHILD, "partnership-a", "partnership-a", "Independent reviewer (synthetic)",
                "Rapid review after a serious incident", "Children Act 2004 s.16C", FROM, TO,
                NOW.plus(Duration.ofDays(90)), NOW);
    }

    @Test
    void aPartnershipOpensAReview_withItsReason_basis_periodAndExpiry() {
        fixture.givenNoPriorActivity()
                .when(open(AgencyKind.SAFEGUARDING_PARTNERSHIP, "Rapid review after a serious incident",
                        "Children Act 2004 s.16C", TO, NOW.plus(Duration.ofDays(90))))
                .expectEvents(opened());
    }

    @Test
    void onlyAPartnershipOpensOne() {
        fixture.givenNoPriorActivity()
                .when(open(AgencyKind.CHILDRENS_SOCIAL_CARE, "reason", "basis", TO, NOW.plus(Duration.ofDays(1))))
                .expectException(Review.NotAPartnership.class)
                .expectNoEvents();
    }

    @Test
    void aReviewWithoutReasonOrBasis_backwardsPeriod_orWrongExpiry_isRefused() {
        Instant tomorrow = NOW.plus(Duration.ofDays(1));
        AgencyKind partnership = AgencyKind.SAFEGUARDING_PARTNERSHIP;
        fixture.givenNoPriorActivity().when(open(partnership, " ", "basis", TO, tomorrow))
                .expectException(Invalid.class).expectExceptionMessage("A review must say why the child's history "
                        + "is to be read.");
        fixture.givenNoPriorActivity().when(open(partnership, "reason", null, TO, tomorrow))
                .expectException(Invalid.class).expectExceptionMessage("A review must state its legal basis.");
        fixture.givenNoPriorActivity().when(open(partnership, "reason", "basis", FROM.minusDays(1), tomorrow))
                .expectException(Invalid.class).expectExceptionMessage("The period covered ends before it starts.");
        fixture.givenNoPriorActivity().when(open(partnership, "reason", "basis", TO, NOW))
                .expectException(Invalid.class).expectExceptionMessage("A review must expire after it is opened.");
        fixture.givenNoPriorActivity().when(open(partnership, "reason", "basis", TO, NOW.plus(Duration.ofDays(400))))
                .expectException(Invalid.class).expectNoEvents();
    }

    @Test
    void thePartnershipClosesOrRevokesItOnce_revokingWithAReason() {
        fixture.given(opened()).when(new CloseReview("r-1", "partnership-a", false, null, NOW))
                .expectEvents(new ReviewClosed("r-1", CHILD, "partnership-a", "partnership-a", false, null, NOW));
        fixture.given(opened()).when(new CloseReview("r-1", "partnership-a", true, "Panel stood down", NOW))
                .expectEvents(new ReviewClosed("r-1", CHILD, "partnership-a", "partnership-a", true,
                        "Panel stood down", NOW));
        fixture.given(opened()).when(new CloseReview("r-1", "partnership-a", true, "", NOW))
                .expectException(Invalid.class);
        fixture.given(opened()).when(new CloseReview("r-1", "csc-a", false, null, NOW))
                .expectException(Review.NotTheOpener.class);
        fixture.given(opened(), new ReviewClosed("r-1", CHILD, "partnership-a", "partnership-a", false, null, NOW))
                .when(new CloseReview("r-1", "partnership-a", false, null, NOW))
                .expectException(Review.AlreadyClosed.class);
    }
}
