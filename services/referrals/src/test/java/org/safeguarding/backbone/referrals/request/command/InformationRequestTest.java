package org.safeguarding.backbone.referrals.request.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.escalation.Addressee;
import org.safeguarding.backbone.kernel.escalation.EscalationLadder;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.AnswerRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.DeclineRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.RequestInformation;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestAnswered;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestEscalated;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestOverdue;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequested;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.SharingDeclined;

/** R1 and R2: a request says why and what the concern is; it is answered with a share or declined with reasons. */
class InformationRequestTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final LocalDate BY = LocalDate.parse("2026-11-27");
    private static final InformationRequested REQUESTED = new InformationRequested("r-1", "9990000018", "school-a",
            "A. Teacher (synthetic)", "gp-a", "To understand the child's recent weight loss",
            "The child says they are often not given meals", BY, AT, List.of());

    private AggregateTestFixture<InformationRequest> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** A fixture of its own for each scenario: its deadline manager keeps the time it was given. */
    private static AggregateTestFixture<InformationRequest> fixture() {
        AggregateTestFixture<InformationRequest> fixture = new AggregateTestFixture<>(InformationRequest.class);
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
        fixture.registerInjectableResource(new RequestChase(ShareFixtures.calendar(), List.of(
                new EscalationLadder.Step(2, Addressee.DESIGNATED_LEAD),
                new EscalationLadder.Step(5, Addressee.SAFEGUARDING_PARTNERSHIP)), agencies()));
        return fixture;
    }

    private static KnownAgencies agencies() {
        return new KnownAgencies(Map.of(
                "school-a", new KnownAgencies.Agency("School (synthetic)", AgencyKind.SCHOOL, "area-a"),
                "gp-a", new KnownAgencies.Agency("GP (synthetic)", AgencyKind.GP, "area-a"),
                "partnership-a", new KnownAgencies.Agency("Partnership (synthetic)",
                        AgencyKind.SAFEGUARDING_PARTNERSHIP, "area-a")), "test");
    }

    private static final RequestInformation REQUEST = new RequestInformation("r-1", "9990000018", "school-a",
            "A. Teacher (synthetic)", "gp-a", "To understand the child's recent weight loss",
            "The child says they are often not given meals", BY, AT);
    /** Friday 27 November has ended. */
    private static final Instant OVERDUE_AT = Instant.parse("2026-11-28T00:00:00Z");

    @Test
    void aRequestIsDueToBeChasedOnceItsReplyDateHasEnded() {
        fixture().givenCurrentTime(AT)
                .when(REQUEST)
                .expectEvents(REQUESTED)
                .expectScheduledDeadlineWithName(OVERDUE_AT, InformationRequest.CHASE);
    }

    @Test
    void notAnsweredByTheEndOfItsReplyDate_itIsOverdue_notAMomentBefore_thenEscalatedInWorkingDays() {
        fixture().givenCurrentTime(AT).andGivenCommands(REQUEST)
                .whenTimeAdvancesTo(OVERDUE_AT.minusMillis(1))
                .expectNoEvents();
        InformationRequestOverdue overdue = new InformationRequestOverdue("r-1", "9990000018", "gp-a", "school-a", BY,
                OVERDUE_AT);
        // two working days after Saturday 28 November: Tuesday 1 December; five: Friday 4 December
        fixture().givenCurrentTime(AT).andGivenCommands(REQUEST)
                .whenTimeAdvancesTo(Instant.parse("2026-12-31T00:00:00Z"))
                .expectEvents(overdue,
                        new InformationRequestEscalated("r-1", "9990000018", "gp-a", "school-a", 1, "DESIGNATED_LEAD",
                                "gp-a", Instant.parse("2026-12-01T00:00:00Z")),
                        new InformationRequestEscalated("r-1", "9990000018", "gp-a", "school-a", 2,
                                "SAFEGUARDING_PARTNERSHIP", "partnership-a", Instant.parse("2026-12-04T00:00:00Z")))
                .expectNoScheduledDeadlines();
    }

    @Test
    void answeredOrDeclinedInTime_theChaseStops() {
        fixture().givenCurrentTime(AT)
                .andGivenCommands(REQUEST, new AnswerRequest("r-1", "gp-a", "share-9", AT.plusSeconds(3600)))
                .whenTimeAdvancesTo(Instant.parse("2026-12-31T00:00:00Z"))
                .expectNoEvents();
        fixture().givenCurrentTime(AT)
                .andGivenCommands(REQUEST, new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)",
                        "No records of concern held", AT.plusSeconds(3600)))
                .whenTimeAdvancesTo(Instant.parse("2026-12-31T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void aRequestThatSaysWhyAndWhatTheConcernIsIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new RequestInformation("r-1", "9990000018", "school-a", "A. Teacher (synthetic)", "gp-a",
                        "To understand the child's recent weight loss", "The child says they are often not given meals",
                        BY, AT))
                .expectEvents(REQUESTED);
    }

    @Test
    void aRequestWithoutWhyOrConcernIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new RequestInformation("r-1", "9990000018", "school-a", "A", "gp-a", " ", "concern", BY, AT))
                .expectException(Invalid.class).expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new RequestInformation("r-1", "9990000018", "school-a", "A", "gp-a", "why", null, BY, AT))
                .expectException(Invalid.class).expectNoEvents();
    }

    @Test
    void theHolderDeclinesWithReasons_whoDecidedIsOnTheRecord() {
        fixture.given(REQUESTED)
                .when(new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)", "No records of concern held", AT))
                .expectEvents(new SharingDeclined("r-1", "9990000018", "gp-a", "school-a", "Dr Example (synthetic)",
                        "No records of concern held", AT, List.of()));
        fixture.given(REQUESTED)
                .when(new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)", " ", AT))
                .expectException(Invalid.class);
    }

    @Test
    void reasonsInShorthandAreRecordedAsWritten_withAWarningForEachTerm() {
        fixture.given(REQUESTED)
                .when(new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)", "NFA after the s47", AT))
                .expectEvents(new SharingDeclined("r-1", "9990000018", "gp-a", "school-a", "Dr Example (synthetic)",
                        "NFA after the s47", AT, List.of(
                        new PlainLanguageWarning("reasons", "NFA", "no further action"),
                        new PlainLanguageWarning("reasons", "s47", "section 47 enquiry (a child protection "
                                + "investigation)"))));
    }

    @Test
    void aRequestInShorthand_isRecordedAsWritten_withAWarningForEachTerm_inWhyAndInTheConcern() {
        fixture().givenCurrentTime(AT)
                .when(new RequestInformation("r-1", "9990000018", "school-a", "A. Teacher (synthetic)", "gp-a",
                        "For the s47 strategy meeting", "MASH referral; the DSL is worried", BY, AT))
                .expectEvents(new InformationRequested("r-1", "9990000018", "school-a", "A. Teacher (synthetic)",
                        "gp-a", "For the s47 strategy meeting", "MASH referral; the DSL is worried", BY, AT, List.of(
                        new PlainLanguageWarning("whyNeeded", "s47", "section 47 enquiry (a child protection "
                                + "investigation)"),
                        new PlainLanguageWarning("concern", "MASH", "multi-agency safeguarding hub"),
                        new PlainLanguageWarning("concern", "DSL", "designated safeguarding lead"))));
    }

    @Test
    void onlyTheHolderAnswersOrDeclines_once() {
        fixture.given(REQUESTED)
                .when(new DeclineRequest("r-1", "school-a", "A", "reasons", AT))
                .expectException(InformationRequest.NotTheHolder.class);
        fixture.given(REQUESTED, new InformationRequestAnswered("r-1", "9990000018", "gp-a", "school-a", "s-1", AT))
                .when(new DeclineRequest("r-1", "gp-a", "Dr Example (synthetic)", "changed my mind", AT))
                .expectException(InformationRequest.AlreadyDecided.class);
        fixture.given(REQUESTED)
                .when(new AnswerRequest("r-1", "gp-a", "s-1", AT))
                .expectEvents(new InformationRequestAnswered("r-1", "9990000018", "gp-a", "school-a", "s-1", AT));
    }
}
