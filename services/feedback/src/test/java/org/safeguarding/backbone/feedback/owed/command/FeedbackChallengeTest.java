package org.safeguarding.backbone.feedback.owed.command;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.AnswerChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.ChallengeFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.EscalateChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.ResolveChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeAnswered;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeResolved;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallenged;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.escalation.Addressee;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;

/**
 * The referrer challenges feedback it finds inadequate (professional disagreement): the challenge, each answer, each
 * level climbed and the level it was resolved at are facts; each level has its deadline, in working days.
 */
class FeedbackChallengeTest {

    private static final String CHILD = "9990000018";
    private static final Instant GIVEN_AT = Instant.parse("2026-11-20T09:15:00Z");
    /** Monday 23 November. */
    private static final Instant CHALLENGED_AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WorkingDayCalendar CALENDAR = WorkingDayCalendar.fromBankHolidays(
            FeedbackChallengeTest.class.getResourceAsStream("/calendar/england-and-wales-bank-holidays.csv"),
            "shipped file", LONDON);
    private static final KnownAgencies AGENCIES = new KnownAgencies(Map.of(
            "csc-a", new KnownAgencies.Agency("CSC (synthetic)", AgencyKind.CHILDRENS_SOCIAL_CARE, "area-a"),
            "school-a", new KnownAgencies.Agency("School (synthetic)", AgencyKind.SCHOOL, "area-a"),
            "partnership-a", new KnownAgencies.Agency("Partnership (synthetic)",
                    AgencyKind.SAFEGUARDING_PARTNERSHIP, "area-a")), "test");
    private static final ChallengeLadder LADDER = new ChallengeLadder(CALENDAR, List.of(
            new ChallengeLadder.Level(3, Addressee.PRACTITIONER),
            new ChallengeLadder.Level(5, Addressee.DESIGNATED_LEAD),
            new ChallengeLadder.Level(10, Addressee.SAFEGUARDING_PARTNERSHIP)), AGENCIES);

    private static final FeedbackRequested REQUESTED = new FeedbackRequested("fb-1", "share-1", CHILD, "csc-a",
            "school-a", LocalDate.parse("2026-12-04"), Instant.parse("2026-11-20T09:00:00Z"));
    private static final FeedbackGiven GIVEN = new FeedbackGiven("fb-1", "share-1", CHILD, "csc-a", "school-a",
            "Case closed", "No further action", GIVEN_AT, List.of());
    private static final String REASONS = "The child told us last week the bruising happened at home; please look again";
    /** Three working days after Monday 23 November: Thursday 26 November, overdue once it ends. */
    private static final FeedbackChallenged CHALLENGED = new FeedbackChallenged("fb-1", "share-1", CHILD, 1,
            "school-a", "csc-a", REASONS, 1, "PRACTITIONER", "csc-a", LocalDate.parse("2026-11-26"), CHALLENGED_AT,
            List.of());
    private static final ChallengeFeedback CHALLENGE = new ChallengeFeedback("fb-1", "school-a", REASONS,
            CHALLENGED_AT);
    private static final Instant LEVEL_1_OVERDUE_AT = Instant.parse("2026-11-27T00:00:00Z");
    private static final FeedbackChallengeAnswered ANSWERED = new FeedbackChallengeAnswered("fb-1", "share-1", CHILD,
            1, 1, "csc-a", "school-a", "We will visit the family again this week", CHALLENGED_AT.plusSeconds(3600),
            List.of());

    private static AggregateTestFixture<OwedFeedback> fixture() {
        AggregateTestFixture<OwedFeedback> fixture = new AggregateTestFixture<>(OwedFeedback.class);
        fixture.registerInjectableResource(LADDER);
        fixture.registerInjectableResource(new FeedbackChase(CALENDAR, List.of(), AGENCIES));
        fixture.registerInjectableResource(PlainLanguageChecker.fromGlossary(FeedbackChallengeTest.class
                .getResourceAsStream("/glossary/safeguarding-glossary.csv"), "shipped glossary", Set.of()));
        return fixture;
    }

    @Test
    void theReferrerChallengesFeedbackItFindsInadequate_addressedToThePractitioner_answerDueInThreeWorkingDays() {
        fixture().given(REQUESTED, GIVEN)
                .when(CHALLENGE)
                .expectEvents(CHALLENGED)
                .expectScheduledDeadlineWithName(LEVEL_1_OVERDUE_AT, OwedFeedback.CHALLENGE_ANSWER);
    }

    @Test
    void aChallengeInShorthandIsRecordedWithAWarningForEachTerm() {
        fixture().given(REQUESTED, GIVEN)
                .when(new ChallengeFeedback("fb-1", "school-a", "Why no s47 when the CP-IS flag is set?",
                        CHALLENGED_AT))
                .expectEvents(new FeedbackChallenged("fb-1", "share-1", CHILD, 1, "school-a", "csc-a",
                        "Why no s47 when the CP-IS flag is set?", 1, "PRACTITIONER", "csc-a",
                        LocalDate.parse("2026-11-26"), CHALLENGED_AT, List.of(
                        new PlainLanguageWarning("reasons", "s47",
                                "section 47 enquiry (a child protection investigation)"),
                        new PlainLanguageWarning("reasons", "CP-IS", "child protection information sharing "
                                + "(the NHS flag that a child has a child protection plan or is looked after)"))));
    }

    @Test
    void onlyTheReferrer_onlyFeedbackGiven_andOneOpenChallengeAtATime() {
        fixture().given(REQUESTED, GIVEN)
                .when(new ChallengeFeedback("fb-1", "csc-a", REASONS, CHALLENGED_AT))
                .expectException(OwedFeedback.NotTheReferrer.class)
                .expectNoEvents();
        fixture().given(REQUESTED)
                .when(CHALLENGE)
                .expectException(OwedFeedback.NotGivenYet.class)
                .expectNoEvents();
        fixture().given(REQUESTED, GIVEN, CHALLENGED)
                .when(CHALLENGE)
                .expectException(OwedFeedback.ChallengeOpen.class)
                .expectNoEvents();
    }

    @Test
    void theAgencyChallengedAnswers_andMayAnswerAgain_nobodyElseAnswersForIt() {
        fixture().given(REQUESTED, GIVEN, CHALLENGED)
                .when(new AnswerChallenge("fb-1", 1, "csc-a", "We will visit the family again this week",
                        CHALLENGED_AT.plusSeconds(3600)))
                .expectEvents(ANSWERED);
        fixture().given(REQUESTED, GIVEN, CHALLENGED, ANSWERED)
                .when(new AnswerChallenge("fb-1", 1, "csc-a", "Visited; the child was seen alone",
                        CHALLENGED_AT.plusSeconds(7200)))
                .expectEvents(new FeedbackChallengeAnswered("fb-1", "share-1", CHILD, 1, 1, "csc-a", "school-a",
                        "Visited; the child was seen alone", CHALLENGED_AT.plusSeconds(7200), List.of()));
        fixture().given(REQUESTED, GIVEN, CHALLENGED)
                .when(new AnswerChallenge("fb-1", 1, "school-a", "answer", CHALLENGED_AT))
                .expectException(OwedFeedback.NotAddressedTo.class);
        fixture().given(REQUESTED, GIVEN, CHALLENGED)
                .when(new AnswerChallenge("fb-1", 2, "csc-a", "answer", CHALLENGED_AT))
                .expectException(OwedFeedback.NoSuchOpenChallenge.class);
    }

    @Test
    void answeredInTime_theLevelsDeadlinePassesQuietly() {
        fixture().givenCurrentTime(GIVEN_AT)
                .andGivenCommands(new RequestFeedback("fb-1", "share-1", CHILD, "csc-a", "school-a",
                                LocalDate.parse("2026-12-04"), Instant.parse("2026-11-20T09:00:00Z")),
                        new GiveFeedback("fb-1", "csc-a", "Case closed", "No further action", GIVEN_AT), CHALLENGE,
                        new AnswerChallenge("fb-1", 1, "csc-a", "We will visit again", CHALLENGED_AT))
                .whenTimeAdvancesTo(Instant.parse("2027-01-31T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void notAnsweredByTheEndOfTheDueDay_overdue_andUpALevel_notAMomentBefore() {
        fixture().givenCurrentTime(GIVEN_AT).andGivenCommands(commandsUpToTheChallenge())
                .whenTimeAdvancesTo(LEVEL_1_OVERDUE_AT.minusMillis(1))
                .expectNoEvents();
        fixture().givenCurrentTime(GIVEN_AT).andGivenCommands(commandsUpToTheChallenge())
                .whenTimeAdvancesTo(LEVEL_1_OVERDUE_AT)
                .expectEvents(new FeedbackChallengeOverdue("fb-1", "share-1", CHILD, 1, 1, "csc-a",
                                LocalDate.parse("2026-11-26"), LEVEL_1_OVERDUE_AT),
                        // five working days from Friday 27 November: Friday 4 December
                        new FeedbackChallengeEscalated("fb-1", "share-1", CHILD, 1, 2, "DESIGNATED_LEAD", "csc-a",
                                "NOT_ANSWERED_IN_TIME", null, LocalDate.parse("2026-12-04"), LEVEL_1_OVERDUE_AT,
                                List.of()))
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-05T00:00:00Z"),
                        OwedFeedback.CHALLENGE_ANSWER);
    }

    @Test
    void neverAnswered_itClimbsToThePartnership_whoseDeadlinePassingIsRecorded_andThereItStops() {
        Instant level2OverdueAt = Instant.parse("2026-12-05T00:00:00Z");
        // ten working days from Saturday 5 December: Friday 18 December
        Instant level3OverdueAt = Instant.parse("2026-12-19T00:00:00Z");
        fixture().givenCurrentTime(GIVEN_AT).andGivenCommands(commandsUpToTheChallenge())
                .whenTimeAdvancesTo(Instant.parse("2027-01-31T00:00:00Z"))
                .expectEvents(
                        new FeedbackChallengeOverdue("fb-1", "share-1", CHILD, 1, 1, "csc-a",
                                LocalDate.parse("2026-11-26"), LEVEL_1_OVERDUE_AT),
                        new FeedbackChallengeEscalated("fb-1", "share-1", CHILD, 1, 2, "DESIGNATED_LEAD", "csc-a",
                                "NOT_ANSWERED_IN_TIME", null, LocalDate.parse("2026-12-04"), LEVEL_1_OVERDUE_AT,
                                List.of()),
                        new FeedbackChallengeOverdue("fb-1", "share-1", CHILD, 1, 2, "csc-a",
                                LocalDate.parse("2026-12-04"), level2OverdueAt),
                        new FeedbackChallengeEscalated("fb-1", "share-1", CHILD, 1, 3, "SAFEGUARDING_PARTNERSHIP",
                                "partnership-a", "NOT_ANSWERED_IN_TIME", null, LocalDate.parse("2026-12-18"),
                                level2OverdueAt, List.of()),
                        new FeedbackChallengeOverdue("fb-1", "share-1", CHILD, 1, 3, "partnership-a",
                                LocalDate.parse("2026-12-18"), level3OverdueAt))
                .expectNoScheduledDeadlines();
    }

    @Test
    void theReferrerNotSatisfiedWithTheAnswer_takesItUpALevel_withANewDeadline() {
        Instant at = Instant.parse("2026-11-24T15:00:00Z");
        fixture().given(REQUESTED, GIVEN, CHALLENGED, ANSWERED)
                .when(new EscalateChallenge("fb-1", 1, "school-a", "The visit was announced; the child was not seen alone",
                        at))
                // five working days after Tuesday 24 November: Tuesday 1 December
                .expectEvents(new FeedbackChallengeEscalated("fb-1", "share-1", CHILD, 1, 2, "DESIGNATED_LEAD",
                        "csc-a", "REFERRER_NOT_SATISFIED", "The visit was announced; the child was not seen alone",
                        LocalDate.parse("2026-12-01"), at, List.of()))
                .expectScheduledDeadlineWithName(Instant.parse("2026-12-02T00:00:00Z"), OwedFeedback.CHALLENGE_ANSWER);
    }

    @Test
    void escalatingNeedsAnAnswerToBeDissatisfiedWith_aLevelToGoTo_andTheReferrer() {
        fixture().given(REQUESTED, GIVEN, CHALLENGED)
                .when(new EscalateChallenge("fb-1", 1, "school-a", "reasons", CHALLENGED_AT))
                .expectException(OwedFeedback.NotAnsweredYet.class);
        fixture().given(REQUESTED, GIVEN, CHALLENGED, ANSWERED)
                .when(new EscalateChallenge("fb-1", 1, "csc-a", "reasons", CHALLENGED_AT))
                .expectException(OwedFeedback.NotTheReferrer.class);
        fixture().given(REQUESTED, GIVEN, CHALLENGED, atThePartnership(),
                        new FeedbackChallengeAnswered("fb-1", "share-1", CHILD, 1, 3, "partnership-a", "school-a",
                                "answer", CHALLENGED_AT, List.of()))
                .when(new EscalateChallenge("fb-1", 1, "school-a", "reasons", CHALLENGED_AT))
                .expectException(OwedFeedback.AtTheTopLevel.class);
    }

    @Test
    void theReferrerResolvesIt_atTheLevelReached_andMayChallengeAgainLater() {
        FeedbackChallengeResolved resolved = new FeedbackChallengeResolved("fb-1", "share-1", CHILD, 1, 1,
                "school-a", "Agreed: a further visit with the child seen alone", CHALLENGED_AT.plusSeconds(7200),
                List.of());
        fixture().given(REQUESTED, GIVEN, CHALLENGED, ANSWERED)
                .when(new ResolveChallenge("fb-1", 1, "school-a", "Agreed: a further visit with the child seen alone",
                        CHALLENGED_AT.plusSeconds(7200)))
                .expectEvents(resolved);
        fixture().given(REQUESTED, GIVEN, CHALLENGED, ANSWERED, resolved)
                .when(new ChallengeFeedback("fb-1", "school-a", "The visit did not happen", CHALLENGED_AT.plusSeconds(86400)))
                .expectEvents(new FeedbackChallenged("fb-1", "share-1", CHILD, 2, "school-a", "csc-a",
                        "The visit did not happen", 1, "PRACTITIONER", "csc-a", LocalDate.parse("2026-11-27"),
                        CHALLENGED_AT.plusSeconds(86400), List.of()));
        fixture().given(REQUESTED, GIVEN, CHALLENGED, ANSWERED, resolved)
                .when(new AnswerChallenge("fb-1", 1, "csc-a", "late answer", CHALLENGED_AT))
                .expectException(OwedFeedback.NoSuchOpenChallenge.class);
    }

    @Test
    void thePartnershipDecidesAtTheTop_theAgencyChallengedNeverResolvesItsOwnChallenge() {
        fixture().given(REQUESTED, GIVEN, CHALLENGED, atThePartnership())
                .when(new ResolveChallenge("fb-1", 1, "partnership-a", "A strategy discussion is to be held",
                        CHALLENGED_AT))
                .expectEvents(new FeedbackChallengeResolved("fb-1", "share-1", CHILD, 1, 3, "partnership-a",
                        "A strategy discussion is to be held", CHALLENGED_AT, List.of()));
        fixture().given(REQUESTED, GIVEN, CHALLENGED, atThePartnership())
                .when(new ResolveChallenge("fb-1", 1, "csc-a", "Nothing to do", CHALLENGED_AT))
                .expectException(OwedFeedback.MayNotResolve.class)
                .expectNoEvents();
        fixture().given(REQUESTED, GIVEN, CHALLENGED)
                .when(new ResolveChallenge("fb-1", 1, "csc-a", "Nothing to do", CHALLENGED_AT))
                .expectException(OwedFeedback.MayNotResolve.class);
    }

    private static FeedbackChallengeEscalated atThePartnership() {
        return new FeedbackChallengeEscalated("fb-1", "share-1", CHILD, 1, 3, "SAFEGUARDING_PARTNERSHIP",
                "partnership-a", "NOT_ANSWERED_IN_TIME", null, LocalDate.parse("2026-12-18"), CHALLENGED_AT,
                List.of());
    }

    private static Object[] commandsUpToTheChallenge() {
        return new Object[] {
                new RequestFeedback("fb-1", "share-1", CHILD, "csc-a", "school-a", LocalDate.parse("2026-12-04"),
                        Instant.parse("2026-11-20T09:00:00Z")),
                new GiveFeedback("fb-1", "csc-a", "Case closed", "No further action", GIVEN_AT),
                CHALLENGE};
    }
}
