package org.safeguarding.backbone.referrals.share.command;

import static org.hamcrest.Matchers.containsString;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.CHILD;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.FRIDAY;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.details;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.fact;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.share;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeCorrection;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.CorrectStatement;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ForwardShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordInformationUse;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RequestClarification;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.VerifyStatement;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.WithdrawShare;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Statement;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementCurrency;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementKind;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Verification;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.CorrectionAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.CorrectionAcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareCorrected;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareForwarded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.StatementVerified;

/**
 * Issue 13 part 1 (R4, R5): the sender corrects a statement or withdraws the share, saying why; the original stays
 * on the record; every agency holding the share acknowledges the correction by the share's deadline rules; a
 * statement checked later is recorded as verified or corroborated, by whom.
 */
class ShareCorrectionTest {

    private static final String SHARE = "share-1";
    /** Monday 23 November 2026, 10:00: a routine correction is due the next working day. */
    private static final Instant MONDAY = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-11-24T10:00:00Z");
    private static final Statement CORRECTED = new Statement("Absent 5 of the last 10 school days", StatementKind.FACT,
            StatementCurrency.CURRENT, null, "School attendance register", Verification.VERIFIED,
            "Attendance officer");

    private static AggregateTestFixture<InformationShare> fixture() {
        AggregateTestFixture<InformationShare> fixture = new AggregateTestFixture<>(InformationShare.class);
        fixture.registerInjectableResource(ShareFixtures.deadlines());
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
        return fixture;
    }

    private static ShareInformation shared() {
        return share(SHARE, details(), List.of(fact("Absent 6 of the last 10 school days"), fact("Late on Mondays")));
    }

    private static CorrectStatement correction(String agency, int statement) {
        return new CorrectStatement(SHARE, agency, statement, CORRECTED,
                "One absence was an authorised medical appointment", MONDAY);
    }

    /** Both recipients received the share itself: only the correction's deadline is in play. */
    private static Object[] receivedByBoth() {
        return new Object[] {new AcknowledgeShare(SHARE, "csc-a", FRIDAY), new AcknowledgeShare(SHARE, "gp-a", FRIDAY)};
    }

    private static ShareCorrected corrected(List<String> holders) {
        return new ShareCorrected(SHARE, CHILD, "school-a", holders, 1, 0, CORRECTED,
                "One absence was an authorised medical appointment", TUESDAY, Map.of(), List.of(), MONDAY);
    }

    @Test
    void theSenderCorrectsAStatement_everyAgencyHoldingTheShareMustAcknowledgeItByTheNextWorkingDay() {
        fixture().givenCurrentTime(MONDAY)
                .andGivenCommands(shared())
                .when(correction("school-a", 0))
                .expectEvents(corrected(List.of("csc-a", "gp-a")));
        // a recipient by transfer holds the share too
        fixture().givenCurrentTime(MONDAY)
                .andGivenCommands(shared(), new ForwardShare(SHARE, "csc-a", "police-a", "t-1", FRIDAY))
                .when(correction("school-a", 0))
                .expectEvents(corrected(List.of("csc-a", "gp-a", "police-a")));
    }

    @Test
    void onlyTheSenderCorrects_aStatementTheShareHas_followingTheRulesOfEveryStatement() {
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared())
                .when(correction("csc-a", 0))
                .expectException(ShareRules.NotTheSender.class)
                .expectNoEvents();
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared())
                .when(correction("school-a", 2))
                .expectException(ShareRules.NoSuchStatement.class)
                .expectExceptionMessage(containsString("statements 0 to 1; there is no statement 2"))
                .expectNoEvents();
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared())
                .when(new CorrectStatement(SHARE, "school-a", 0, new Statement("Was on a child protection plan",
                        StatementKind.FACT, StatementCurrency.HISTORICAL, null, "Records", Verification.UNVERIFIED,
                        null), "Missing history", MONDAY))
                .expectException(Invalid.class)
                .expectExceptionMessage(containsString("historical statement must say why"))
                .expectNoEvents();
    }

    @Test
    void eachRecipientAcknowledgesTheCorrectionOnce_andOnlyRecipientsDo() {
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(correction("school-a", 0))
                .when(new AcknowledgeCorrection(SHARE, "csc-a", 1, MONDAY.plusSeconds(60)))
                .expectEvents(new CorrectionAcknowledged(SHARE, CHILD, "csc-a", "school-a", 1, MONDAY.plusSeconds(60)));
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(correction("school-a", 0),
                        new AcknowledgeCorrection(SHARE, "csc-a", 1, MONDAY.plusSeconds(60)))
                .when(new AcknowledgeCorrection(SHARE, "csc-a", 1, MONDAY.plusSeconds(120)))
                .expectNoEvents();
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(correction("school-a", 0))
                .when(new AcknowledgeCorrection(SHARE, "csc-a", 2, MONDAY.plusSeconds(60)))
                .expectException(ShareRules.NoSuchCorrection.class);
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(correction("school-a", 0))
                .when(new AcknowledgeCorrection(SHARE, "school-a", 1, MONDAY.plusSeconds(60)))
                .expectException(ShareRules.NotARecipient.class);
    }

    @Test
    void aCorrectionNotAcknowledgedByItsDeadline_isOverdueForThoseThatHaveNot_atTheDeadline() {
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(receivedByBoth()).andGivenCommands(correction("school-a", 0),
                        new AcknowledgeCorrection(SHARE, "csc-a", 1, MONDAY.plusSeconds(60)))
                .whenTimeAdvancesTo(TUESDAY.minusSeconds(1))
                .expectNoEvents();
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(receivedByBoth()).andGivenCommands(correction("school-a", 0),
                        new AcknowledgeCorrection(SHARE, "csc-a", 1, MONDAY.plusSeconds(60)))
                .whenTimeAdvancesTo(TUESDAY)
                .expectEvents(new CorrectionAcknowledgementOverdue(SHARE, CHILD, "school-a", 1, List.of("gp-a"),
                        TUESDAY, TUESDAY));
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(receivedByBoth()).andGivenCommands(correction("school-a", 0),
                        new AcknowledgeCorrection(SHARE, "csc-a", 1, MONDAY.plusSeconds(60)),
                        new AcknowledgeCorrection(SHARE, "gp-a", 1, MONDAY.plusSeconds(90)))
                .whenTimeAdvancesTo(TUESDAY.plusSeconds(3600))
                .expectNoEvents();
    }

    @Test
    void aWithdrawalsReasonInShorthand_isRecordedAsWritten_withAWarningForEachTerm() {
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .when(new WithdrawShare(SHARE, "school-a", "Not this CYP: the LAC in the other class", MONDAY))
                .expectEvents(new ShareWithdrawn(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), 1,
                        "Not this CYP: the LAC in the other class", TUESDAY, Map.of(), MONDAY, List.of(
                        new PlainLanguageWarning("reason", "CYP", "children and young people"),
                        new PlainLanguageWarning("reason", "LAC", "child looked after by the local authority"))));
    }

    @Test
    void theSenderWithdrawsTheShare_onceAndSayingWhy_numberedAmongTheCorrections_andAcknowledgedLikeThem() {
        WithdrawShare withdraw = new WithdrawShare(SHARE, "school-a", "Shared about the wrong child", MONDAY);
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(correction("school-a", 0))
                .when(withdraw)
                .expectEvents(new ShareWithdrawn(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), 2,
                        "Shared about the wrong child", TUESDAY, Map.of(), MONDAY, List.of()));
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(withdraw)
                .when(withdraw)
                .expectNoEvents();
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .when(new WithdrawShare(SHARE, "csc-a", "Not ours to withdraw", MONDAY))
                .expectException(ShareRules.NotTheSender.class);
        fixture().givenCurrentTime(MONDAY).andGivenCommands(shared())
                .andGivenCommands(withdraw)
                .when(new AcknowledgeCorrection(SHARE, "gp-a", 1, MONDAY.plusSeconds(60)))
                .expectEvents(new CorrectionAcknowledged(SHARE, CHILD, "gp-a", "school-a", 1, MONDAY.plusSeconds(60)));
    }

    @Test
    void aWithdrawnShareStaysOnTheRecord_butTakesNoMoreCorrectionsQuestionsOrUses_andIsNotPassedOn() {
        WithdrawShare withdraw = new WithdrawShare(SHARE, "school-a", "Shared about the wrong child", MONDAY);
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared(), withdraw)
                .when(correction("school-a", 0))
                .expectException(ShareRules.Withdrawn.class)
                .expectNoEvents();
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared(), withdraw)
                .when(new RequestClarification(SHARE, "csc-a", "q-1", "Which child?", MONDAY))
                .expectException(ShareRules.Withdrawn.class);
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared(), withdraw)
                .when(new RecordInformationUse(SHARE, "csc-a", "Added to the assessment", MONDAY))
                .expectException(ShareRules.Withdrawn.class);
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared(), withdraw)
                .when(new ForwardShare(SHARE, "csc-a", "police-a", "t-1", MONDAY))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void anAgencyHoldingTheShareRecordsAStatementVerifiedLater_byWhom_neverBackToUnverified() {
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared())
                .when(new VerifyStatement(SHARE, "csc-a", 1, Verification.CORROBORATED,
                        "Social worker, home visit (synthetic)", MONDAY))
                .expectEvents(new StatementVerified(SHARE, CHILD, "csc-a", "school-a", 1, Verification.CORROBORATED,
                        "Social worker, home visit (synthetic)", MONDAY));
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared())
                .when(new VerifyStatement(SHARE, "csc-a", 1, Verification.UNVERIFIED, "Nobody", MONDAY))
                .expectException(Invalid.class)
                .expectNoEvents();
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared())
                .when(new VerifyStatement(SHARE, "police-a", 1, Verification.VERIFIED, "Officer", MONDAY))
                .expectException(ShareRules.NotARecipient.class);
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(shared())
                .when(new VerifyStatement(SHARE, "csc-a", 5, Verification.VERIFIED, "Officer", MONDAY))
                .expectException(ShareRules.NoSuchStatement.class);
    }
}
