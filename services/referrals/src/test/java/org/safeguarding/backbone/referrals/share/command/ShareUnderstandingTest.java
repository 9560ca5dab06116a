package org.safeguarding.backbone.referrals.share.command;

import static org.safeguarding.backbone.referrals.share.ShareFixtures.CHILD;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.details;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.share;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AnswerClarification;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ConfirmUnderstanding;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.MarkShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordInformationUse;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RequestClarification;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationAnswered;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationRequested;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationUseRecorded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.UnderstandingConfirmed;

/** R9 and R17: delivered, read and understood are separate facts; questions are asked and answered on the record. */
class ShareUnderstandingTest {

    private static final String SHARE = "share-1";
    private static final Instant AT = Instant.parse("2026-11-20T11:00:00Z");

    private AggregateTestFixture<InformationShare> fixture;
    private InformationShared shared;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationShare.class);
        fixture.registerInjectableResource(ShareFixtures.deadlines());
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
        ShareInformation command = share(SHARE, details());
        shared = new InformationShared(SHARE, CHILD, "school-a", command.recipientAgencies(), command.purpose(),
                command.statements(), command.details(), command.occurredAt(), Instant.parse("2026-11-23T09:15:00Z"),
                null, List.of(), java.util.Map.of());
    }

    @Test
    void readingAShareNotYetAcknowledgedAcknowledgesItToo() {
        fixture.given(shared)
                .when(new MarkShareRead(SHARE, "csc-a", AT))
                .expectEvents(new ShareAcknowledged(SHARE, CHILD, "csc-a", AT), new ShareRead(SHARE, CHILD, "csc-a", "school-a", AT));
    }

    @Test
    void readingTwiceRecordsNothingNew() {
        fixture.given(shared, new ShareAcknowledged(SHARE, CHILD, "csc-a", AT), new ShareRead(SHARE, CHILD, "csc-a", "school-a", AT))
                .when(new MarkShareRead(SHARE, "csc-a", AT.plusSeconds(60)))
                .expectNoEvents();
    }

    @Test
    void understandingIsConfirmedSeparately_once() {
        fixture.given(shared, new ShareAcknowledged(SHARE, CHILD, "csc-a", AT), new ShareRead(SHARE, CHILD, "csc-a", "school-a", AT))
                .when(new ConfirmUnderstanding(SHARE, "csc-a", "Clear: strategy discussion today", AT.plusSeconds(60)))
                .expectEvents(new UnderstandingConfirmed(SHARE, CHILD, "csc-a", "school-a", "Clear: strategy discussion today",
                        AT.plusSeconds(60), List.of()));
        fixture.given(shared, new UnderstandingConfirmed(SHARE, CHILD, "csc-a", "school-a", null, AT, List.of()))
                .when(new ConfirmUnderstanding(SHARE, "csc-a", null, AT.plusSeconds(60)))
                .expectNoEvents();
        fixture.given(shared, new ShareAcknowledged(SHARE, CHILD, "csc-a", AT),
                        new ShareRead(SHARE, CHILD, "csc-a", "school-a", AT))
                .when(new ConfirmUnderstanding(SHARE, "csc-a", "Clear: ICPC on Monday", AT))
                .expectEvents(new UnderstandingConfirmed(SHARE, CHILD, "csc-a", "school-a", "Clear: ICPC on Monday",
                        AT, List.of(new PlainLanguageWarning("note", "ICPC", "initial child protection conference"))));
    }

    @Test
    void aRecipientAsksAQuestion_theSenderAnswersIt_bothOnTheRecord() {
        // the question itself is checked for jargon, as everything one agency writes to another (R16)
        ClarificationRequested asked = new ClarificationRequested(SHARE, CHILD, "gp-a", "school-a", "q-1",
                "What does 'PA' mean in the second statement?", AT, List.of(new PlainLanguageWarning("question", "PA",
                "persistent absence (missing 10% or more of school sessions)")));
        fixture.given(shared)
                .when(new RequestClarification(SHARE, "gp-a", "q-1", "What does 'PA' mean in the second statement?", AT))
                .expectEvents(asked);
        fixture.given(shared, asked)
                .when(new AnswerClarification(SHARE, "school-a", "q-1", "Persistent absence: under 90% attendance",
                        AT.plusSeconds(600)))
                .expectEvents(new ClarificationAnswered(SHARE, CHILD, "school-a", "gp-a", "q-1",
                        "Persistent absence: under 90% attendance", AT.plusSeconds(600), List.of()));
        fixture.given(shared, asked)
                .when(new AnswerClarification(SHARE, "school-a", "q-1", "PA; the EWO is involved", AT.plusSeconds(600)))
                .expectEvents(new ClarificationAnswered(SHARE, CHILD, "school-a", "gp-a", "q-1",
                        "PA; the EWO is involved", AT.plusSeconds(600), List.of(
                        new PlainLanguageWarning("answer", "PA", "persistent absence (missing 10% or more of school "
                                + "sessions)"),
                        new PlainLanguageWarning("answer", "EWO", "education welfare officer"))));
    }

    @Test
    void onlyTheSenderAnswers_andOnlyAnOpenQuestion() {
        ClarificationRequested asked = new ClarificationRequested(SHARE, CHILD, "gp-a", "school-a", "q-1", "?", AT, List.of());
        fixture.given(shared, asked)
                .when(new AnswerClarification(SHARE, "csc-a", "q-1", "answer", AT))
                .expectException(ShareRules.NotTheSender.class)
                .expectExceptionMessage("Only the agency that made share " + SHARE
                        + " can answer questions about it, not csc-a.");
        fixture.given(shared)
                .when(new AnswerClarification(SHARE, "school-a", "q-9", "answer", AT))
                .expectException(ShareRules.NoOpenQuestion.class);
        fixture.given(shared, asked, new ClarificationAnswered(SHARE, CHILD, "school-a", "gp-a", "q-1", "a", AT, List.of()))
                .when(new AnswerClarification(SHARE, "school-a", "q-1", "again", AT))
                .expectException(ShareRules.NoOpenQuestion.class);
    }

    @Test
    void onlyARecipientReads_understands_asksOrRecordsUse() {
        fixture.given(shared).when(new MarkShareRead(SHARE, "police-a", AT))
                .expectException(ShareRules.NotARecipient.class)
                .expectExceptionMessage(notARecipient("police-a", "mark it read"));
        fixture.given(shared).when(new ConfirmUnderstanding(SHARE, "school-a", null, AT))
                .expectException(ShareRules.NotARecipient.class)
                .expectExceptionMessage(notARecipient("school-a", "confirm understanding of it"));
        fixture.given(shared).when(new RequestClarification(SHARE, "school-a", "q", "?", AT))
                .expectException(ShareRules.NotARecipient.class)
                .expectExceptionMessage(notARecipient("school-a", "ask a question about it"));
        fixture.given(shared).when(new RecordInformationUse(SHARE, "police-a", "used", AT))
                .expectException(ShareRules.NotARecipient.class)
                .expectExceptionMessage(notARecipient("police-a", "record how it used it"));
    }

    /** The refusal says what was refused, not only that the agency is not a recipient. */
    private static String notARecipient(String agency, String act) {
        return "Agency " + agency + " is not a recipient of share " + SHARE + " and cannot " + act + ".";
    }

    @Test
    void aRecipientRecordsHowTheInformationInformedItsDecision() {
        fixture.given(shared)
                .when(new RecordInformationUse(SHARE, "csc-a", "Informed the decision to hold a strategy discussion", AT))
                .expectEvents(new InformationUseRecorded(SHARE, CHILD, "csc-a", "school-a",
                        "Informed the decision to hold a strategy discussion", AT, List.of()));
        fixture.given(shared)
                .when(new RecordInformationUse(SHARE, "csc-a", "Informed the ICPC; CIN plan updated", AT))
                .expectEvents(new InformationUseRecorded(SHARE, CHILD, "csc-a", "school-a",
                        "Informed the ICPC; CIN plan updated", AT, List.of(
                        new PlainLanguageWarning("howUsed", "ICPC", "initial child protection conference"),
                        new PlainLanguageWarning("howUsed", "CIN", "child in need"))));
    }

    @Test
    void theSameQuestionRetriedIsAskedOnce() {
        ClarificationRequested asked = new ClarificationRequested(SHARE, CHILD, "gp-a", "school-a", "q-1", "?", AT, List.of());
        fixture.given(shared, asked)
                .when(new RequestClarification(SHARE, "gp-a", "q-1", "?", AT))
                .expectNoEvents();
        fixture.given(shared, asked, new ClarificationAnswered(SHARE, CHILD, "school-a", "gp-a", "q-1", "a", AT, List.of()))
                .when(new RequestClarification(SHARE, "gp-a", "q-2", "And the first?", AT))
                .expectEvents(new ClarificationRequested(SHARE, CHILD, "gp-a", "school-a", "q-2", "And the first?", AT, List.of()));
    }

    @Test
    void aRecipientWithItsOwnQuestionOpen_confirmsUnderstandingOnlySayingWhy_andFreelyOnceItIsAnswered() {
        ClarificationRequested asked = new ClarificationRequested(SHARE, CHILD, "csc-a", "school-a", "q-9",
                "Which days was the child absent?", AT, List.of());
        fixture.given(shared, new ShareAcknowledged(SHARE, CHILD, "csc-a", AT), new ShareRead(SHARE, CHILD, "csc-a",
                        "school-a", AT), asked)
                .when(new ConfirmUnderstanding(SHARE, "csc-a", null, AT.plusSeconds(60)))
                .expectException(ShareRules.QuestionStillOpen.class)
                .expectNoEvents();
        fixture.given(shared, new ShareAcknowledged(SHARE, CHILD, "csc-a", AT), new ShareRead(SHARE, CHILD, "csc-a",
                        "school-a", AT), asked)
                .when(new ConfirmUnderstanding(SHARE, "csc-a", "Enough to act on; the days do not change the plan",
                        AT.plusSeconds(60)))
                .expectEvents(new UnderstandingConfirmed(SHARE, CHILD, "csc-a", "school-a",
                        "Enough to act on; the days do not change the plan", AT.plusSeconds(60), List.of()));
        // another recipient's open question does not hold this one back
        fixture.given(shared, new ShareAcknowledged(SHARE, CHILD, "csc-a", AT), new ShareRead(SHARE, CHILD, "csc-a",
                        "school-a", AT), new ClarificationRequested(SHARE, CHILD, "gp-a", "school-a", "q-8", "When?",
                        AT, List.of()))
                .when(new ConfirmUnderstanding(SHARE, "csc-a", null, AT.plusSeconds(60)))
                .expectEvents(new UnderstandingConfirmed(SHARE, CHILD, "csc-a", "school-a", null, AT.plusSeconds(60),
                        List.of()));
        fixture.given(shared, new ShareAcknowledged(SHARE, CHILD, "csc-a", AT), new ShareRead(SHARE, CHILD, "csc-a",
                        "school-a", AT), asked, new ClarificationAnswered(SHARE, CHILD, "school-a", "csc-a", "q-9",
                        "Monday to Wednesday", AT.plusSeconds(30), List.of()))
                .when(new ConfirmUnderstanding(SHARE, "csc-a", null, AT.plusSeconds(60)))
                .expectEvents(new UnderstandingConfirmed(SHARE, CHILD, "csc-a", "school-a", null, AT.plusSeconds(60),
                        List.of()));
    }
}
