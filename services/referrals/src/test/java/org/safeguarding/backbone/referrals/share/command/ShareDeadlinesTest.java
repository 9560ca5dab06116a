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
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordWrittenFollowUp;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.AcknowledgementOverdue;
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
    void theWrittenFollowUpIsRecordedOnce_byTheSender_andOnlyForAVerbalShare() {
        Instant friday = Instant.parse("2026-11-20T14:00:00Z");
        RecordWrittenFollowUp written = new RecordWrittenFollowUp(SHARE, "school-a", "Letter sent", friday.plusSeconds(60));
        fixture().givenCurrentTime(friday)
                .andGivenCommands(phoneCall(friday))
                .when(written)
                .expectEvents(new WrittenFollowUpRecorded(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), "Letter sent",
                        friday.plusSeconds(60)));
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
}
