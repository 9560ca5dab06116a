package org.safeguarding.backbone.referrals.share.command;

import java.time.Instant;
import java.util.List;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;

class InformationShareTest {

    private static final String SHARE = "share-1";
    private static final String CHILD = "9990000018";
    private static final Instant SHARED_AT = Instant.parse("2026-11-20T09:15:00Z");
    private static final Instant ACKNOWLEDGED_AT = Instant.parse("2026-11-20T10:00:00Z");
    private static final InformationShared SHARED = new InformationShared(SHARE, CHILD, "school-a",
            List.of("csc-a", "gp-a"), "Concern about repeated unexplained absences",
            List.of("Absent 6 of the last 10 school days"), SHARED_AT);

    private AggregateTestFixture<InformationShare> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationShare.class);
    }

    @Test
    void aShareWithPurposeAndRecipientsIsRecorded() {
        fixture.givenNoPriorActivity()
                .when(new ShareInformation(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"),
                        "Concern about repeated unexplained absences", List.of("Absent 6 of the last 10 school days"),
                        SHARED_AT))
                .expectSuccessfulHandlerExecution()
                .expectEvents(SHARED);
    }

    @Test
    void aShareWithoutRecipientsIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ShareInformation(SHARE, CHILD, "school-a", List.of(), "purpose", List.of("s"), SHARED_AT))
                .expectException(ShareRules.NoRecipients.class)
                .expectNoEvents();
    }

    @Test
    void aShareWithoutPurposeIsRefused() {
        fixture.givenNoPriorActivity()
                .when(new ShareInformation(SHARE, CHILD, "school-a", List.of("csc-a"), " ", List.of("s"), SHARED_AT))
                .expectException(ShareRules.NoPurpose.class)
                .expectNoEvents();
    }

    @Test
    void theSenderCannotBeARecipient() {
        fixture.givenNoPriorActivity()
                .when(new ShareInformation(SHARE, CHILD, "school-a", List.of("school-a"), "purpose", List.of("s"),
                        SHARED_AT))
                .expectException(ShareRules.SenderIsARecipient.class)
                .expectNoEvents();
    }

    @Test
    void aRecipientAcknowledgesReceipt() {
        fixture.given(SHARED)
                .when(new AcknowledgeShare(SHARE, "csc-a", ACKNOWLEDGED_AT))
                .expectEvents(new ShareAcknowledged(SHARE, CHILD, "csc-a", ACKNOWLEDGED_AT));
    }

    @Test
    void acknowledgingTwiceRecordsNothingNew() {
        fixture.given(SHARED, new ShareAcknowledged(SHARE, CHILD, "csc-a", ACKNOWLEDGED_AT))
                .when(new AcknowledgeShare(SHARE, "csc-a", ACKNOWLEDGED_AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void eachRecipientAcknowledgesForItself() {
        fixture.given(SHARED, new ShareAcknowledged(SHARE, CHILD, "csc-a", ACKNOWLEDGED_AT))
                .when(new AcknowledgeShare(SHARE, "gp-a", ACKNOWLEDGED_AT))
                .expectEvents(new ShareAcknowledged(SHARE, CHILD, "gp-a", ACKNOWLEDGED_AT));
    }

    @Test
    void onlyARecipientCanAcknowledge() {
        fixture.given(SHARED)
                .when(new AcknowledgeShare(SHARE, "school-a", ACKNOWLEDGED_AT))
                .expectException(ShareRules.NotARecipient.class)
                .expectNoEvents();
    }
}
