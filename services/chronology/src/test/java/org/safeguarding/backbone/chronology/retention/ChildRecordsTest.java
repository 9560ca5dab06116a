package org.safeguarding.backbone.chronology.retention;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.EraseChildContent;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.PlaceLegalHold;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.ReleaseLegalHold;
import org.safeguarding.backbone.chronology.retention.api.RetentionEvents.ChildContentErased;
import org.safeguarding.backbone.chronology.retention.api.RetentionEvents.LegalHoldPlaced;
import org.safeguarding.backbone.chronology.retention.api.RetentionEvents.LegalHoldReleased;
import org.safeguarding.backbone.chronology.retention.command.ChildRecords;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.childkeys.LegalHold.Purpose;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.NotFound;

/** R18: a legal hold suspends a child's erasure until the partnership that placed it releases it. */
class ChildRecordsTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");
    private static final String CHILD = "9990000018";
    private static final AgencyKind PARTNERSHIP = AgencyKind.SAFEGUARDING_PARTNERSHIP;

    private AggregateTestFixture<ChildRecords> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildRecords.class);
    }

    private static LegalHoldPlaced placed(String holdId) {
        return new LegalHoldPlaced(CHILD, holdId, "partnership-a", Purpose.REVIEW, "CSPR-0001", NOW);
    }

    private static EraseChildContent erase() {
        return new EraseChildContent(CHILD, "e-1", "operator", "retention ended", NOW);
    }

    @Test
    void aPartnershipHoldsAChildsRecords_forAPurposeAndReference() {
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHold(CHILD, "h-1", "partnership-a", PARTNERSHIP, Purpose.REVIEW, "CSPR-0001", NOW))
                .expectEvents(placed("h-1"));
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHold(CHILD, "h-1", "csc-a", AgencyKind.CHILDRENS_SOCIAL_CARE, Purpose.REVIEW,
                        "CSPR-0001", NOW))
                .expectException(ChildRecords.NotAPartnership.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHold(CHILD, "h-1", "partnership-a", PARTNERSHIP, Purpose.INQUIRY, " ", NOW))
                .expectException(Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new PlaceLegalHold(CHILD, "h-1", "partnership-a", PARTNERSHIP, null, "ref", NOW))
                .expectException(Invalid.class).expectNoEvents();
    }

    @Test
    void aChildWithoutHolds_isErased_withTheReason() {
        fixture.givenNoPriorActivity().when(erase())
                .expectEvents(new ChildContentErased(CHILD, "e-1", "operator", "retention ended", NOW));
        fixture.givenNoPriorActivity().when(new EraseChildContent(CHILD, "e-1", "operator", "", NOW))
                .expectException(Invalid.class).expectNoEvents();
    }

    @Test
    void whileAnyHoldIsOpen_erasureIsRefused() {
        fixture.given(placed("h-1")).when(erase())
                .expectException(ChildRecords.UnderLegalHold.class).expectNoEvents();
        fixture.given(placed("h-1"), placed("h-2"),
                        new LegalHoldReleased(CHILD, "h-1", "partnership-a", "partnership-a", null, NOW))
                .when(erase())
                .expectException(ChildRecords.UnderLegalHold.class).expectNoEvents();
    }

    @Test
    void onceEveryHoldIsReleased_byWhoPlacedIt_erasureGoesAhead() {
        fixture.given(placed("h-1"))
                .when(new ReleaseLegalHold(CHILD, "h-1", "partnership-b", null, NOW))
                .expectException(ChildRecords.NotThePlacer.class).expectNoEvents();
        fixture.given(placed("h-1"))
                .when(new ReleaseLegalHold(CHILD, "h-1", "partnership-a", "Review published", NOW))
                .expectEvents(new LegalHoldReleased(CHILD, "h-1", "partnership-a", "partnership-a",
                        "Review published", NOW));
        fixture.given(placed("h-1"), new LegalHoldReleased(CHILD, "h-1", "partnership-a", "partnership-a", null, NOW))
                .when(erase())
                .expectEvents(new ChildContentErased(CHILD, "e-1", "operator", "retention ended", NOW));
    }

    @Test
    void aHoldIsReleasedOnce_andOnlyOneThatExists() {
        fixture.given(placed("h-1"), new LegalHoldReleased(CHILD, "h-1", "partnership-a", "partnership-a", null, NOW))
                .when(new ReleaseLegalHold(CHILD, "h-1", "partnership-a", null, NOW))
                .expectException(ChildRecords.AlreadyReleased.class).expectNoEvents();
        fixture.given(placed("h-1"))
                .when(new ReleaseLegalHold(CHILD, "h-9", "partnership-a", null, NOW))
                .expectException(NotFound.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ReleaseLegalHold(CHILD, "h-9", "partnership-a", null, NOW))
                .expectException(NotFound.class).expectNoEvents();
    }
}
