package org.safeguarding.backbone.feedback.owed.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.escalation.Addressee;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;

class OwedFeedbackTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:15:00Z");
    private static final LocalDate DUE = LocalDate.parse("2026-11-30");
    private static final FeedbackRequested REQUESTED = new FeedbackRequested("fb-1", "share-1", "9990000018",
            "csc-a", "school-a", DUE, AT);

    /** Overdue once Monday 30 November has ended; escalated 2 working days later, then 5. */
    private static final Instant OVERDUE_AT = Instant.parse("2026-12-01T00:00:00Z");
    private static final FeedbackChase CHASE = new FeedbackChase(
            WorkingDayCalendar.fromBankHolidays(OwedFeedbackTest.class.getResourceAsStream(
                    "/calendar/england-and-wales-bank-holidays.csv"), "shipped file", ZoneId.of("Europe/London")),
            List.of(new FeedbackChase.Step(2, Addressee.DESIGNATED_LEAD),
                    new FeedbackChase.Step(5, Addressee.SAFEGUARDING_PARTNERSHIP)),
            new KnownAgencies(Map.of(
                    "csc-a", new KnownAgencies.Agency("CSC (synthetic)", AgencyKind.CHILDRENS_SOCIAL_CARE, "area-a"),
                    "school-a", new KnownAgencies.Agency("School (synthetic)", AgencyKind.SCHOOL, "area-a"),
                    "partnership-a", new KnownAgencies.Agency("Partnership (synthetic)",
                            AgencyKind.SAFEGUARDING_PARTNERSHIP, "area-a")), "test"));
    private static final RequestFeedback REQUEST = new RequestFeedback("fb-1", "share-1", "9990000018", "csc-a",
            "school-a", DUE, AT);
    private static final FeedbackOverdue OVERDUE = new FeedbackOverdue("fb-1", "share-1", "9990000018", "csc-a",
            "school-a", DUE, OVERDUE_AT);

    private AggregateTestFixture<OwedFeedback> fixture;

    @BeforeEach
    void setUp() {
        fixture = fixture();
    }

    /** A fixture of its own for each scenario: its deadline manager keeps the time it was given. */
    private static AggregateTestFixture<OwedFeedback> fixture() {
        AggregateTestFixture<OwedFeedback> fixture = new AggregateTestFixture<>(OwedFeedback.class);
        fixture.registerInjectableResource(CHASE);
        fixture.registerInjectableResource(PlainLanguageChecker.fromGlossary(
                OwedFeedbackTest.class.getResourceAsStream("/glossary/safeguarding-glossary.csv"), "shipped glossary", Set.of()));
        return fixture;
    }

    @Test
    void aShareOpensFeedbackOwedByTheRecipientToTheReferrer() {
        fixture.givenNoPriorActivity()
                .when(new RequestFeedback("fb-1", "share-1", "9990000018", "csc-a", "school-a", DUE, AT))
                .expectEvents(REQUESTED);
    }

    @Test
    void requestingTheSameFeedbackAgainRecordsNothingNew() {
        fixture.given(REQUESTED)
                .when(new RequestFeedback("fb-1", "share-1", "9990000018", "csc-a", "school-a", DUE, AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void theRecipientGivesFeedback_andMayGiveMoreAsTheDialogueGoesOn() {
        fixture.given(REQUESTED, new FeedbackGiven("fb-1", "share-1", "9990000018", "csc-a", "school-a",
                        "Strategy discussion held", "Section 47 enquiry opened", AT.plusSeconds(3600), List.of()))
                .when(new GiveFeedback("fb-1", "csc-a", "Home visit completed", "Child seen alone", AT.plusSeconds(7200)))
                .expectEvents(new FeedbackGiven("fb-1", "share-1", "9990000018", "csc-a", "school-a",
                        "Home visit completed", "Child seen alone", AT.plusSeconds(7200), List.of()));
    }

    @Test
    void feedbackWrittenInShorthand_isGivenWithAWarningForEachTerm_theTextAsWritten() {
        fixture.given(REQUESTED)
                .when(new GiveFeedback("fb-1", "csc-a", "s47 enquiry started, CP-IS flag set", "ICPC booked", AT))
                .expectEvents(new FeedbackGiven("fb-1", "share-1", "9990000018", "csc-a", "school-a",
                        "s47 enquiry started, CP-IS flag set", "ICPC booked", AT, List.of(
                        new PlainLanguageWarning("actionTaken", "s47",
                                "section 47 enquiry (a child protection investigation)"),
                        new PlainLanguageWarning("actionTaken", "CP-IS", "child protection information sharing "
                                + "(the NHS flag that a child has a child protection plan or is looked after)"),
                        new PlainLanguageWarning("outcome", "ICPC", "initial child protection conference"))));
    }

    @Test
    void onlyTheRecipientThatOwesFeedbackCanGiveIt() {
        fixture.given(REQUESTED)
                .when(new GiveFeedback("fb-1", "school-a", "action", "outcome", AT))
                .expectException(OwedFeedback.NotOwedBy.class)
                .expectNoEvents();
    }

    @Test
    void feedbackOwed_isDueToBeChasedOnceItsDueDayHasEnded() {
        fixture.givenCurrentTime(AT)
                .when(REQUEST)
                .expectEvents(REQUESTED)
                .expectScheduledDeadlineWithName(OVERDUE_AT, OwedFeedback.CHASE);
    }

    @Test
    void notGivenByTheEndOfItsDueDay_itIsOverdue_notAMomentBefore() {
        fixture.givenCurrentTime(AT).andGivenCommands(REQUEST)
                .whenTimeAdvancesTo(OVERDUE_AT.minusMillis(1))
                .expectNoEvents();
        fixture().givenCurrentTime(AT).andGivenCommands(REQUEST)
                .whenTimeAdvancesTo(OVERDUE_AT)
                .expectEvents(OVERDUE)
                // Tuesday 1 December, then two working days: Thursday 3 December
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-03T00:00:00Z"), OwedFeedback.CHASE);
    }

    @Test
    void stillNotGiven_itIsEscalatedUpTheLadder_inWorkingDays_toTheDesignatedLeadThenThePartnership() {
        FeedbackEscalated toTheLead = new FeedbackEscalated("fb-1", "share-1", "9990000018", "csc-a", "school-a", 1,
                "DESIGNATED_LEAD", "csc-a", Instant.parse("2026-12-03T00:00:00Z"));
        // five working days after Tuesday 1 December: Tuesday 8 December (the weekend does not count)
        FeedbackEscalated toThePartnership = new FeedbackEscalated("fb-1", "share-1", "9990000018", "csc-a",
                "school-a", 2, "SAFEGUARDING_PARTNERSHIP", "partnership-a", Instant.parse("2026-12-08T00:00:00Z"));
        fixture.givenCurrentTime(AT).andGivenCommands(REQUEST)
                .whenTimeAdvancesTo(Instant.parse("2026-12-07T23:59:59Z"))
                .expectEvents(OVERDUE, toTheLead);
        fixture().givenCurrentTime(AT).andGivenCommands(REQUEST)
                .whenTimeAdvancesTo(Instant.parse("2026-12-31T00:00:00Z"))
                .expectEvents(OVERDUE, toTheLead, toThePartnership)
                .expectNoScheduledDeadlines();
    }

    @Test
    void givenBeforeAStepIsDue_theChaseStops() {
        fixture.givenCurrentTime(AT)
                .andGivenCommands(REQUEST, new GiveFeedback("fb-1", "csc-a", "Home visit", "Child seen", AT))
                .whenTimeAdvancesTo(Instant.parse("2026-12-31T00:00:00Z"))
                .expectNoEvents();
    }
}
