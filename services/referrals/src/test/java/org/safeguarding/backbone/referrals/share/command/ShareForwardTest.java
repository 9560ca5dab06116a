package org.safeguarding.backbone.referrals.share.command;

import static org.safeguarding.backbone.referrals.share.ShareFixtures.CHILD;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.details;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.share;

import java.time.Instant;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ForwardShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.AcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareForwarded;

/** R12: a share passed on with a transfer package, by an agency that holds it, to the agency the child joined. */
class ShareForwardTest {

    private static final String SHARE = "share-1";
    /** From school-a to csc-a and gp-a, Friday 20 November 09:15; routine, due Monday 09:15. */
    private static final ShareInformation SHARED = share(SHARE, details());
    private static final Instant AT = Instant.parse("2026-11-20T12:00:00Z");
    private static final ShareForwarded FORWARDED = new ShareForwarded(SHARE, CHILD, "school-a", "school-a",
            "school-b", "t-1", AT);

    private static AggregateTestFixture<InformationShare> fixture() {
        AggregateTestFixture<InformationShare> fixture = new AggregateTestFixture<>(InformationShare.class);
        fixture.registerInjectableResource(ShareFixtures.deadlines());
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
        return fixture;
    }

    @Test
    void theAgencyTheChildLeftPassesOnAShareItHolds_once() {
        fixture().givenCommands(SHARED)
                .when(new ForwardShare(SHARE, "school-a", "school-b", "t-1", AT))
                .expectEvents(FORWARDED);
        // a recipient holds it too
        fixture().givenCommands(SHARED)
                .when(new ForwardShare(SHARE, "gp-a", "school-b", "t-2", AT))
                .expectEvents(new ShareForwarded(SHARE, CHILD, "school-a", "gp-a", "school-b", "t-2", AT));
        fixture().givenCommands(SHARED)
                .andGivenCommands(new ForwardShare(SHARE, "school-a", "school-b", "t-1", AT))
                .when(new ForwardShare(SHARE, "school-a", "school-b", "t-1", AT))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture().givenCommands(SHARED)
                .when(new ForwardShare(SHARE, "police-a", "school-b", "t-1", AT))
                .expectException(ShareRules.NotHeldBy.class)
                .expectNoEvents();
    }

    @Test
    void theAgencyItWasPassedToActsAsARecipient_withoutTheOriginalRecipientsDeadline() {
        fixture().givenCommands(SHARED, new ForwardShare(SHARE, "school-a", "school-b", "t-1", AT))
                .when(new AcknowledgeShare(SHARE, "school-b", AT.plusSeconds(60)))
                .expectEvents(new ShareAcknowledged(SHARE, CHILD, "school-b", AT.plusSeconds(60)));
        Instant due = Instant.parse("2026-11-23T09:15:00Z");
        fixture().givenCurrentTime(SHARED.occurredAt())
                .andGivenCommands(SHARED, new ForwardShare(SHARE, "school-a", "school-b", "t-1", AT))
                .whenTimeAdvancesTo(due)
                .expectEvents(new AcknowledgementOverdue(SHARE, CHILD, "school-a",
                        java.util.List.of("csc-a", "gp-a"), due, due));
    }
}
