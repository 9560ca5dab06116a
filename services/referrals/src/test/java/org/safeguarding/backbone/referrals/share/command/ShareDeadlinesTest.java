package org.safeguarding.backbone.referrals.share.command;

import static org.safeguarding.backbone.referrals.share.ShareFixtures.CHILD;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.allPrinciplesAttested;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.childVoice;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.consentGiven;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.details;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.share;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordWrittenFollowUp;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.AcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.WrittenFollowUpOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.WrittenFollowUpRecorded;

/** R7 and R11: the deadlines a share sets, met or missed, with time advanced by the fixture (no sleeping). */
class ShareDeadlinesTest {

    private static final String SHARE = "share-1";

    /** A fresh fixture per scenario: its stub deadline manager keeps what earlier scenarios scheduled. */
    private static AggregateTestFixture<InformationShare> fixture() {
        AggregateTestFixture<InformationShare> fixture = new AggregateTestFixture<>(InformationShare.class);
        fixture.registerInjectableResource(ShareFixtures.deadlines());
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
        return fixture;
    }

    private static ShareInformation phoneCall(Instant at) {
        ShareInformation base = share(SHARE, details(consentGiven(), allPrinciplesAttested(), childVoice(),
                Urgency.ROUTINE, Channel.PHONE));
        return new ShareInformation(SHARE, CHILD, "school-a", base.recipientAgencies(), base.purpose(),
                base.statements(), base.details(), at);
    }

    private static Object[] acknowledgedByAll(Instant at) {
        return new Object[] {new AcknowledgeShare(SHARE, "csc-a", at), new AcknowledgeShare(SHARE, "gp-a", at)};
    }

    @Test
    void aFridayPhoneCallNotWrittenUpIsOverdueOnMonday() {
        Instant friday = Instant.parse("2026-11-20T14:00:00Z");
        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .andGivenCommands(acknowledgedByAll(friday.plusSeconds(600)))
                .whenTimeAdvancesTo(Instant.parse("2026-11-23T13:59:00Z"))
                .expectNoEvents();

        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .andGivenCommands(acknowledgedByAll(friday.plusSeconds(600)))
                .whenTimeAdvancesTo(Instant.parse("2026-11-23T14:00:00Z"))
                .expectEvents(new WrittenFollowUpOverdue(SHARE, CHILD, "school-a",
                        Instant.parse("2026-11-23T14:00:00Z"), Instant.parse("2026-11-23T14:00:00Z")));
    }

    @Test
    void beforeABankHolidayMondayItIsOverdueOnTuesday() {
        Instant friday = Instant.parse("2026-05-01T13:00:00Z");
        Instant tuesday = Instant.parse("2026-05-05T13:00:00Z");
        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .andGivenCommands(acknowledgedByAll(friday.plusSeconds(600)))
                .whenTimeAdvancesTo(Instant.parse("2026-05-04T23:59:00Z"))
                .expectNoEvents();

        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .andGivenCommands(acknowledgedByAll(friday.plusSeconds(600)))
                .whenTimeAdvancesTo(tuesday)
                .expectEvents(new WrittenFollowUpOverdue(SHARE, CHILD, "school-a", tuesday, tuesday));
    }

    @Test
    void aPhoneCallWrittenUpInTimeIsNeverOverdue() {
        Instant friday = Instant.parse("2026-11-20T14:00:00Z");
        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .andGivenCommands(acknowledgedByAll(friday.plusSeconds(600)))
                .andGivenCommands(new RecordWrittenFollowUp(SHARE, "school-a", "Letter sent to the front door team",
                        friday.plusSeconds(3600)))
                .whenTimeAdvancesTo(Instant.parse("2026-11-30T14:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void aWrittenRecordInShorthand_isRecordedAsWritten_withAWarningForEachTerm() {
        Instant friday = Instant.parse("2026-11-20T14:00:00Z");
        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .when(new RecordWrittenFollowUp(SHARE, "school-a", "Call to the MASH; DSL informed", friday))
                .expectEvents(new WrittenFollowUpRecorded(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"),
                        "Call to the MASH; DSL informed", friday, List.of(
                        new PlainLanguageWarning("writtenRecord", "MASH", "multi-agency safeguarding hub"),
                        new PlainLanguageWarning("writtenRecord", "DSL", "designated safeguarding lead"))));
    }

    @Test
    void theWrittenFollowUpIsRecordedOnce_byTheSender_andOnlyForAVerbalShare() {
        Instant friday = Instant.parse("2026-11-20T14:00:00Z");
        RecordWrittenFollowUp written = new RecordWrittenFollowUp(SHARE, "school-a", "Letter sent", friday.plusSeconds(60));
        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .when(written)
                .expectEvents(new WrittenFollowUpRecorded(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), "Letter sent",
                        friday.plusSeconds(60), List.of()));
        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday), written)
                .when(written)
                .expectNoEvents();
        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .when(new RecordWrittenFollowUp(SHARE, "csc-a", "Letter", friday))
                .expectException(ShareRules.NotTheSender.class)
                .expectExceptionMessage("Only the agency that made share " + SHARE
                        + " can follow it up in writing, not csc-a.");
        fixture().givenCurrentTime(friday)
                .andGivenCommands(share(SHARE, details()))
                .when(new RecordWrittenFollowUp(SHARE, "school-a", "Letter", friday))
                .expectException(ShareRules.NotVerbal.class);
    }

    @Test
    void recipientsThatHaveNotAcknowledgedByTheDeadlineAreNamedAsOverdue() {
        ShareInformation routine = share(SHARE, details()); // Friday 20 November 09:15, due Monday 09:15
        Instant due = Instant.parse("2026-11-23T09:15:00Z");
        fixture().givenCurrentTime(routine.occurredAt())
                .andGivenCommands(routine, new AcknowledgeShare(SHARE, "csc-a", routine.occurredAt().plusSeconds(60)))
                .whenTimeAdvancesTo(due)
                .expectEvents(new AcknowledgementOverdue(SHARE, CHILD, "school-a", List.of("gp-a"), due, due));
    }

    @Test
    void aShareAcknowledgedByEveryRecipientIsNotOverdue() {
        ShareInformation routine = share(SHARE, details());
        fixture().givenCurrentTime(routine.occurredAt())
                .andGivenCommands(routine)
                .andGivenCommands(acknowledgedByAll(routine.occurredAt().plusSeconds(60)))
                .whenTimeAdvancesTo(Instant.parse("2026-11-24T09:15:00Z"))
                .expectNoEvents();
    }

    /** A police notice of a domestic incident (Operation Encompass): to the child's school and children's social care. */
    private static ShareInformation policeNotice(Urgency urgency, Instant at) {
        ShareInformation base = share(SHARE, details(consentGiven(), allPrinciplesAttested(), childVoice(), urgency,
                Channel.WRITTEN));
        return new ShareInformation(SHARE, CHILD, "police-a", List.of("school-a", "csc-a"),
                "Domestic incident at the child's home overnight", base.statements(), base.details(), at);
    }

    @Test
    void anImmediateNoticeSentOnASunday_isDueAtTheSchoolInTheFirstHourOfMonday_notWhileItIsClosed() {
        Instant sunday = Instant.parse("2026-11-22T07:00:00Z");
        Instant cscDue = Instant.parse("2026-11-22T08:00:00Z");
        // Monday 23 November: the school opens at 08:30, and has the hour from then
        Instant schoolDue = Instant.parse("2026-11-23T09:30:00Z");
        fixture().givenCurrentTime(sunday)
                .when(policeNotice(Urgency.IMMEDIATE, sunday))
                .expectEventsMatching(Matchers.exactSequenceOf(Matchers.messageWithPayload(Matchers.matches(
                        payload -> payload instanceof InformationShared shared
                                && shared.acknowledgeBy().equals(cscDue)
                                && shared.acknowledgeBy("csc-a").equals(cscDue)
                                && shared.acknowledgeBy("school-a").equals(schoolDue))), Matchers.andNoMore()))
                .expectScheduledDeadlineWithName(cscDue, InformationShare.ACKNOWLEDGEMENT_DUE)
                .expectScheduledDeadline(schoolDue, schoolDue.toEpochMilli());

        // on Sunday at 08:00 children's social care is overdue, the closed school is not
        fixture().givenCurrentTime(sunday)
                .andGivenCommands(policeNotice(Urgency.IMMEDIATE, sunday))
                .whenTimeAdvancesTo(schoolDue.minusMillis(1))
                .expectEvents(new AcknowledgementOverdue(SHARE, CHILD, "police-a", List.of("csc-a"), cscDue, cscDue));
        fixture().givenCurrentTime(sunday)
                .andGivenCommands(policeNotice(Urgency.IMMEDIATE, sunday))
                .whenTimeAdvancesTo(schoolDue)
                .expectEvents(new AcknowledgementOverdue(SHARE, CHILD, "police-a", List.of("csc-a"), cscDue, cscDue),
                        new AcknowledgementOverdue(SHARE, CHILD, "police-a", List.of("school-a"), schoolDue,
                                schoolDue));
    }

    @Test
    void theSchoolAcknowledgingFirstThingOnMonday_isNeverOverdue() {
        Instant sunday = Instant.parse("2026-11-22T07:00:00Z");
        fixture().givenCurrentTime(sunday)
                .andGivenCommands(policeNotice(Urgency.IMMEDIATE, sunday),
                        new AcknowledgeShare(SHARE, "csc-a", sunday.plusSeconds(1800)),
                        new AcknowledgeShare(SHARE, "school-a", Instant.parse("2026-11-23T08:40:00Z")))
                .whenTimeAdvancesTo(Instant.parse("2026-12-31T00:00:00Z"))
                .expectNoEvents();
    }

    @Test
    void overHalfTermTheSchoolsClockWaitsForTheNextTerm() {
        // Friday 23 October 2026, 18:00: the school is closed for half term until Monday 2 November
        Instant friday = Instant.parse("2026-10-23T17:00:00Z");
        Instant schoolDue = Instant.parse("2026-11-02T12:30:00Z");
        fixture().givenCurrentTime(friday)
                .andGivenCommands(policeNotice(Urgency.URGENT, friday))
                .whenTimeAdvancesTo(schoolDue.minusMillis(1))
                // children's social care: 4 hours on the clock
                .expectEvents(new AcknowledgementOverdue(SHARE, CHILD, "police-a", List.of("csc-a"),
                        friday.plusSeconds(4 * 3600), friday.plusSeconds(4 * 3600)));
        fixture().givenCurrentTime(friday)
                .andGivenCommands(policeNotice(Urgency.URGENT, friday),
                        new AcknowledgeShare(SHARE, "csc-a", friday.plusSeconds(60)))
                .whenTimeAdvancesTo(schoolDue)
                .expectEvents(new AcknowledgementOverdue(SHARE, CHILD, "police-a", List.of("school-a"), schoolDue,
                        schoolDue));
    }
}
