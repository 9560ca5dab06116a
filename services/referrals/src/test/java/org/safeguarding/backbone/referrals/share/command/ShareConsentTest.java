package org.safeguarding.backbone.referrals.share.command;

import static org.safeguarding.backbone.referrals.share.ShareFixtures.CHILD;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.FRIDAY;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.allPrinciplesAttested;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.childVoice;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.consentGiven;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.details;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.share;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.messaging.Message;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ForwardShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordConsentWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordFamilyInformed;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Consent;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ConsentStatus;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ConsentWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.FamilyInformed;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.FamilyInformedReviewDue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareForwarded;

/**
 * Issue 13 part 2 (R3): consent and the family over time. When and how the family was told; a reminder to the
 * sender when the date it set to review telling the family passes with the family still not told; consent withdrawn
 * reaching every agency holding the share, and stopping it being passed on unless a safeguarding justification is
 * recorded.
 */
class ShareConsentTest {

    private static final String SHARE = "share-1";
    private static final LocalDate REVIEW_BY = LocalDate.of(2026, 12, 4);
    /** The end of 4 December 2026 in England (GMT). */
    private static final Instant END_OF_REVIEW_DAY = Instant.parse("2026-12-05T00:00:00Z");

    private static AggregateTestFixture<InformationShare> fixture() {
        AggregateTestFixture<InformationShare> fixture = new AggregateTestFixture<>(InformationShare.class);
        fixture.registerInjectableResource(ShareFixtures.deadlines());
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
        return fixture;
    }

    private static ShareInformation familyNotTold() {
        return share(SHARE, details(new Consent(ConsentStatus.GIVEN, "Parent agreed to the referral", null, false,
                        "The father, not yet told, may react against the child", REVIEW_BY), allPrinciplesAttested(),
                childVoice(), Urgency.ROUTINE, Channel.WRITTEN));
    }

    private static ShareInformation withoutConsent() {
        return share(SHARE, details(new Consent(ConsentStatus.NOT_SOUGHT, "Would alert the adult",
                        "Risk of significant harm", true, null, null), allPrinciplesAttested(), childVoice(),
                Urgency.ROUTINE, Channel.WRITTEN));
    }

    /** Whatever else the share's own deadlines record meanwhile, no reminder about the family. */
    private static org.hamcrest.Matcher<List<Message<?>>> noReminder() {
        return Matchers.payloadsMatching(org.hamcrest.Matchers.not(Matchers.listWithAnyOf(
                org.hamcrest.Matchers.instanceOf(FamilyInformedReviewDue.class))));
    }

    private static RecordFamilyInformed told(Instant at) {
        return new RecordFamilyInformed(SHARE, "school-a", at, "The head told both parents in person", at);
    }

    @Test
    void theReviewDateEndsWithTheFamilyStillNotTold_theSenderIsReminded_atTheEndOfThatDay() {
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(familyNotTold())
                .whenTimeAdvancesTo(END_OF_REVIEW_DAY.minusSeconds(1))
                .expectEventsMatching(noReminder());
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(familyNotTold())
                .whenTimeAdvancesTo(END_OF_REVIEW_DAY)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.listWithAnyOf(
                        org.hamcrest.Matchers.equalTo(new FamilyInformedReviewDue(SHARE, CHILD, "school-a", REVIEW_BY,
                                END_OF_REVIEW_DAY)))));
    }

    @Test
    void aFamilyToldBeforeTheReviewDate_orToldAtTheShare_isNoReminder() {
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(familyNotTold(), told(FRIDAY.plusSeconds(86_400)))
                .whenTimeAdvancesTo(END_OF_REVIEW_DAY.plusSeconds(86_400))
                .expectEventsMatching(noReminder());
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(share(SHARE, details()))
                .whenTimeAdvancesTo(END_OF_REVIEW_DAY.plusSeconds(86_400))
                .expectEventsMatching(noReminder());
    }

    @Test
    void theSenderRecordsWhenAndHowTheFamilyWasTold_once_everyHolderToldOfIt() {
        Instant monday = Instant.parse("2026-11-23T15:00:00Z");
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(familyNotTold())
                .when(told(monday))
                .expectEvents(new FamilyInformed(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), monday,
                        "The head told both parents in person", monday, List.of()));
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(familyNotTold())
                .when(new RecordFamilyInformed(SHARE, "school-a", monday, "The DSL told the mother", monday))
                .expectEvents(new FamilyInformed(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), monday,
                        "The DSL told the mother", monday, List.of(
                        new PlainLanguageWarning("how", "DSL", "designated safeguarding lead"))));
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(familyNotTold(), told(monday))
                .when(told(monday.plusSeconds(60)))
                .expectNoEvents();
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(familyNotTold())
                .when(new RecordFamilyInformed(SHARE, "csc-a", monday, "We told them", monday))
                .expectException(ShareRules.NotTheSender.class);
    }

    @Test
    void consentWithdrawnReachesEveryHolder_andTheShareIsPassedOnNoFurther_unlessJustified() {
        Instant monday = Instant.parse("2026-11-23T09:00:00Z");
        RecordConsentWithdrawn withdrawn = new RecordConsentWithdrawn(SHARE, "school-a", monday,
                "The mother phoned to withdraw her consent", null, monday);
        fixture().givenCurrentTime(FRIDAY)
                .andGivenCommands(share(SHARE, details()), new ForwardShare(SHARE, "csc-a", "school-b", "t-1", FRIDAY))
                .when(withdrawn)
                .expectEvents(new ConsentWithdrawn(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a", "school-b"),
                        monday, "The mother phoned to withdraw her consent", null, monday, List.of()));
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(share(SHARE, details()), withdrawn)
                .when(new ForwardShare(SHARE, "csc-a", "police-a", "t-2", monday))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(share(SHARE, details()),
                        new RecordConsentWithdrawn(SHARE, "school-a", monday, "Withdrawn by phone",
                                "The child disclosed harm at home: the risk outweighs the family's wishes", monday))
                .when(new ForwardShare(SHARE, "csc-a", "police-a", "t-2", monday))
                .expectEvents(new ShareForwarded(SHARE, CHILD, "school-a", "csc-a", "police-a", "t-2", monday));
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(share(SHARE, details()), withdrawn)
                .when(withdrawn)
                .expectNoEvents();
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(share(SHARE, details()))
                .when(new RecordConsentWithdrawn(SHARE, "school-a", monday, "Mother told the DSL", "S47 under way",
                        monday))
                .expectEvents(new ConsentWithdrawn(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a"), monday,
                        "Mother told the DSL", "S47 under way", monday, List.of(
                        new PlainLanguageWarning("reason", "DSL", "designated safeguarding lead"),
                        new PlainLanguageWarning("safeguardingJustification", "S47",
                                "section 47 enquiry (a child protection investigation)"))));
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(withoutConsent())
                .when(withdrawn)
                .expectException(ShareRules.ConsentNotGiven.class)
                .expectNoEvents();
        fixture().givenCurrentTime(FRIDAY).andGivenCommands(share(SHARE, details()))
                .when(new RecordConsentWithdrawn(SHARE, "gp-a", monday, "Heard it was withdrawn", null, monday))
                .expectException(ShareRules.NotTheSender.class);
    }
}
