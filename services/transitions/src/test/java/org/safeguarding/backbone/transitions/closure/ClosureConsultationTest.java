package org.safeguarding.backbone.transitions.closure;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.Answer;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.AnswerConcern;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.AnswerConsultation;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.OpenConsultation;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.OverrideConcern;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.RecordClosure;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.CaseClosed;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConcernAnswered;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConcernOverridden;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationAnswered;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationNoReply;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationOpened;
import org.safeguarding.backbone.transitions.closure.command.ClosureConsultation;

/** R13: partners consulted before a case is closed; their answers, concerns and silence on the record. */
class ClosureConsultationTest {

    private static final String CHILD = "9990000018";
    /** Monday 23 November 2026; answers due by the end of Monday 30 November. */
    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    private static final LocalDate BY = LocalDate.parse("2026-11-30");
    private static final Instant DUE = Instant.parse("2026-12-01T00:00:00Z");
    private static final ClosureConsultationOpened OPENED = new ClosureConsultationOpened("c-1", CHILD, "csc-a",
            "Assessment complete: no further role for children's social care", List.of("school-a", "gp-a"), BY, AT,
            List.of());
    private static final OpenConsultation OPEN = new OpenConsultation("c-1", CHILD, "csc-a",
            "Assessment complete: no further role for children's social care", List.of("school-a", "gp-a", "csc-a"),
            BY, true, AT);
    private static final ClosureConsultationAnswered SCHOOL_AGREES = new ClosureConsultationAnswered("c-1", CHILD,
            "csc-a", "school-a", "AGREE", null, AT.plusSeconds(3600), List.of());
    private static final ClosureConsultationAnswered GP_CONCERNED = new ClosureConsultationAnswered("c-1", CHILD,
            "csc-a", "gp-a", "CONCERN", "Missed two health appointments this month", AT.plusSeconds(7200), List.of());

    private static AggregateTestFixture<ClosureConsultation> fixture() {
        AggregateTestFixture<ClosureConsultation> fixture = new AggregateTestFixture<>(ClosureConsultation.class);
        fixture.registerInjectableResource(WorkingDayCalendar.fromBankHolidays(ClosureConsultationTest.class
                .getResourceAsStream("/calendar/england-and-wales-bank-holidays.csv"), "shipped file",
                ZoneId.of("Europe/London")));
        fixture.registerInjectableResource(PlainLanguageChecker.fromGlossary(ClosureConsultationTest.class
                .getResourceAsStream("/glossary/safeguarding-glossary.csv"), "shipped glossary", Set.of("NHS", "GP")));
        return fixture;
    }

    @Test
    void closingOpensAConsultationOfTheOtherAgenciesInvolved_answersDueByADate() {
        fixture().givenNoPriorActivity()
                .when(OPEN)
                .expectEvents(OPENED)
                .expectScheduledDeadlineWithName(DUE, "closure-answers-due");
        fixture().givenNoPriorActivity()
                .when(new OpenConsultation("c-1", CHILD, "police-a", "Closing", List.of("csc-a"), BY, false, AT))
                .expectException(ClosureConsultation.NotWorkedWithChild.class)
                .expectNoEvents();
    }

    @Test
    void eachConsultedAgencyAgreesOrRaisesAConcernWithReasons_once_andNobodyElseAnswers() {
        fixture().given(OPENED)
                .when(new AnswerConsultation("c-1", "gp-a", Answer.CONCERN, "Missed two health appointments this month",
                        AT.plusSeconds(7200)))
                .expectEvents(GP_CONCERNED);
        fixture().given(OPENED)
                .when(new AnswerConsultation("c-1", "gp-a", Answer.CONCERN, " ", AT))
                .expectException(org.safeguarding.backbone.kernel.rule.Invalid.class);
        fixture().given(OPENED, SCHOOL_AGREES)
                .when(new AnswerConsultation("c-1", "school-a", Answer.CONCERN, "Second thoughts", AT))
                .expectException(ClosureConsultation.AlreadyAnswered.class);
        fixture().given(OPENED)
                .when(new AnswerConsultation("c-1", "police-a", Answer.AGREE, null, AT))
                .expectException(ClosureConsultation.NotConsulted.class);
    }

    @Test
    void aConcernInShorthandIsRecordedWithWarnings() {
        fixture().given(OPENED)
                .when(new AnswerConsultation("c-1", "gp-a", Answer.CONCERN, "Was on a CP plan last year", AT))
                .expectEvents(new ClosureConsultationAnswered("c-1", CHILD, "csc-a", "gp-a", "CONCERN",
                        "Was on a CP plan last year", AT, List.of(new PlainLanguageWarning("reasons", "CP",
                        "child protection"))));
    }

    @Test
    void silenceByTheEndOfTheAnswerDate_isRecordedAsNoReply_notAMomentBefore() {
        fixture().givenCurrentTime(AT).andGivenCommands(OPEN,
                        new AnswerConsultation("c-1", "school-a", Answer.AGREE, null, AT.plusSeconds(3600)))
                .whenTimeAdvancesTo(DUE.minusMillis(1))
                .expectNoEvents();
        fixture().givenCurrentTime(AT).andGivenCommands(OPEN,
                        new AnswerConsultation("c-1", "school-a", Answer.AGREE, null, AT.plusSeconds(3600)))
                .whenTimeAdvancesTo(DUE)
                .expectEvents(new ClosureConsultationNoReply("c-1", CHILD, "csc-a", List.of("gp-a"), BY, DUE));
    }

    @Test
    void theClosureWaitsForEveryAnswerOrTheDate_andForEveryConcernToBeAnsweredOrOverridden() {
        fixture().given(OPENED, SCHOOL_AGREES)
                .when(new RecordClosure("c-1", "csc-a", AT))
                .expectException(ClosureConsultation.StillAwaitingAnswers.class)
                .expectNoEvents();
        fixture().given(OPENED, SCHOOL_AGREES, GP_CONCERNED)
                .when(new RecordClosure("c-1", "csc-a", AT))
                .expectException(ClosureConsultation.ConcernsUnsettled.class)
                .expectNoEvents();
        fixture().given(OPENED, SCHOOL_AGREES, GP_CONCERNED)
                .when(new RecordClosure("c-1", "school-a", AT))
                .expectException(ClosureConsultation.NotTheClosingAgency.class);
    }

    @Test
    void aConcernAnswered_theCaseClosesWithWhoAgreedAndWhoseConcernWasAnswered() {
        ClosureConcernAnswered answered = new ClosureConcernAnswered("c-1", CHILD, "csc-a", "gp-a",
                "Early help will follow the appointments up", AT.plusSeconds(9000), List.of());
        fixture().given(OPENED, SCHOOL_AGREES, GP_CONCERNED)
                .when(new AnswerConcern("c-1", "csc-a", "gp-a", "Early help will follow the appointments up",
                        AT.plusSeconds(9000)))
                .expectEvents(answered);
        fixture().given(OPENED, SCHOOL_AGREES, GP_CONCERNED, answered)
                .when(new RecordClosure("c-1", "csc-a", AT.plusSeconds(10000)))
                .expectEvents(new CaseClosed("c-1", CHILD, "csc-a", List.of("school-a"), List.of("gp-a"), List.of(),
                        List.of(), AT.plusSeconds(10000)));
    }

    @Test
    void aConcernOverriddenWithAReason_andSilenceAfterTheDate_theCaseCloses_sayingSo() {
        ClosureConsultationNoReply silent = new ClosureConsultationNoReply("c-1", CHILD, "csc-a", List.of("school-a"),
                BY, DUE);
        ClosureConcernOverridden overridden = new ClosureConcernOverridden("c-1", CHILD, "csc-a", "gp-a",
                "Appointments are a health matter; the GP will follow up", DUE.plusSeconds(60), List.of());
        fixture().given(OPENED, GP_CONCERNED, silent)
                .when(new OverrideConcern("c-1", "csc-a", "gp-a", "Appointments are a health matter; the GP will "
                        + "follow up", DUE.plusSeconds(60)))
                .expectEvents(overridden);
        fixture().given(OPENED, GP_CONCERNED, silent, overridden)
                .when(new RecordClosure("c-1", "csc-a", DUE.plusSeconds(120)))
                .expectEvents(new CaseClosed("c-1", CHILD, "csc-a", List.of(), List.of(), List.of("gp-a"),
                        List.of("school-a"), DUE.plusSeconds(120)));
        fixture().given(OPENED, GP_CONCERNED, silent, overridden,
                        new CaseClosed("c-1", CHILD, "csc-a", List.of(), List.of(), List.of("gp-a"),
                                List.of("school-a"), DUE.plusSeconds(120)))
                .when(new RecordClosure("c-1", "csc-a", DUE.plusSeconds(180)))
                .expectException(ClosureConsultation.AlreadyClosed.class);
    }

    @Test
    void withNoOtherAgencyInvolved_theClosureCanBeRecordedAtOnce() {
        ClosureConsultationOpened alone = new ClosureConsultationOpened("c-1", CHILD, "csc-a", "Closing", List.of(),
                BY, AT, List.of());
        fixture().given(alone)
                .when(new RecordClosure("c-1", "csc-a", AT))
                .expectEvents(new CaseClosed("c-1", CHILD, "csc-a", List.of(), List.of(), List.of(), List.of(), AT));
    }
}
