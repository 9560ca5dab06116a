package org.safeguarding.backbone.referrals.share.command;

import static org.hamcrest.Matchers.containsString;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.CHILD;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.FRIDAY;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.allPrinciplesAttested;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.childVoice;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.consentGiven;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.details;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.fact;
import static org.safeguarding.backbone.referrals.share.ShareFixtures.share;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.matchers.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ChildVoice;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Consent;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ConsentStatus;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Principle;
import org.safeguarding.backbone.referrals.share.api.ShareContent.PrincipleAttestation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Statement;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementCurrency;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementKind;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Verification;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;

class InformationShareTest {

    private static final String SHARE = "share-1";
    private static final Instant MONDAY = Instant.parse("2026-11-23T09:15:00Z");
    private static final Instant ACKNOWLEDGED_AT = Instant.parse("2026-11-20T10:00:00Z");

    private AggregateTestFixture<InformationShare> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(InformationShare.class);
        fixture.registerInjectableResource(ShareFixtures.deadlines());
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
    }

    private static InformationShared shared(ShareInformation command, Instant acknowledgeBy, Instant followUpBy) {
        return new InformationShared(command.shareId(), command.childId(), command.senderAgency(),
                command.recipientAgencies(), command.purpose(), command.statements(), command.details(),
                command.occurredAt(), acknowledgeBy, followUpBy, List.of(), Map.of());
    }

    private void expectRefused(ShareInformation command, String message) {
        fixture.givenNoPriorActivity()
                .when(command)
                .expectException(Invalid.class)
                .expectExceptionMessage(containsString(message))
                .expectNoEvents();
    }

    @Test
    void aCompleteWrittenRoutineShareIsRecorded_dueForAcknowledgementTheNextWorkingDay() {
        ShareInformation command = share(SHARE, details());
        fixture.givenNoPriorActivity()
                .when(command)
                .expectSuccessfulHandlerExecution()
                .expectEvents(shared(command, MONDAY, null));
    }

    @Test
    void jargonInThePurposeAndStatementsIsKeptWithTheShareAsWarnings_andTheTextIsUnchanged() {
        ShareInformation base = share(SHARE, details());
        ShareInformation jargon = new ShareInformation(SHARE, CHILD, "school-a", base.recipientAgencies(),
                "Referral to MASH: PA and possible CSE", List.of(fact("DSL spoke to the child")), base.details(), FRIDAY);
        fixture.givenNoPriorActivity()
                .when(jargon)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(payload -> payload instanceof InformationShared shared
                                && shared.purpose().equals("Referral to MASH: PA and possible CSE")
                                && shared.plainLanguageWarnings().stream().map(w -> w.field() + ":" + w.term()).toList()
                                .equals(List.of("purpose:MASH", "purpose:PA", "purpose:CSE", "statements[0].text:DSL"))),
                        Matchers.andNoMore())));
    }

    @Test
    void anImmediateShareIsDueForAcknowledgementWithinTheHour() {
        ShareInformation command = share(SHARE, details(consentGiven(), allPrinciplesAttested(), childVoice(),
                Urgency.IMMEDIATE, Channel.WRITTEN));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(shared(command, FRIDAY.plusSeconds(3600), null));
    }

    @Test
    void aPhoneCallOnTheFridayBeforeABankHolidayIsDueInWritingOnTheTuesday() {
        Instant friday = Instant.parse("2026-05-01T13:00:00Z");
        Instant tuesday = Instant.parse("2026-05-05T13:00:00Z");
        ShareInformation base = share(SHARE, details(consentGiven(), allPrinciplesAttested(), childVoice(),
                Urgency.ROUTINE, Channel.PHONE));
        ShareInformation command = new ShareInformation(base.shareId(), base.childId(), base.senderAgency(),
                base.recipientAgencies(), base.purpose(), base.statements(), base.details(), friday);
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEvents(shared(command, tuesday, tuesday));
    }

    @Test
    void consentRefusedWithoutASafeguardingJustificationIsRefused() {
        Consent refused = new Consent(ConsentStatus.REFUSED, "Parent declined", null, true, null, null);
        expectRefused(share(SHARE, details(refused, allPrinciplesAttested(), childVoice(), Urgency.ROUTINE,
                Channel.WRITTEN)), "needs a recorded safeguarding justification");
    }

    @Test
    void consentRefusedWithASafeguardingJustificationIsAccepted_andTheJustificationIsOnTheRecord() {
        Consent refused = new Consent(ConsentStatus.REFUSED, "Parent declined",
                "Risk of significant harm: the child disclosed being hit at home", false,
                "Telling the parent could put the child at greater risk", java.time.LocalDate.parse("2026-12-01"));
        ShareInformation command = share(SHARE, details(refused, allPrinciplesAttested(), childVoice(),
                Urgency.ROUTINE, Channel.WRITTEN));
        fixture.givenNoPriorActivity()
                .when(command)
                .expectEventsMatching(Matchers.payloadsMatching(Matchers.exactSequenceOf(
                        Matchers.matches(payload -> payload instanceof InformationShared shared
                                && shared.details().consent().safeguardingJustification()
                                .equals("Risk of significant harm: the child disclosed being hit at home")),
                        Matchers.andNoMore())));
    }

    @Test
    void consentNotSoughtAlsoNeedsAJustification() {
        Consent notSought = new Consent(ConsentStatus.NOT_SOUGHT, "Seeking it could alert the person posing a risk",
                " ", true, null, null);
        expectRefused(share(SHARE, details(notSought, allPrinciplesAttested(), childVoice(), Urgency.ROUTINE,
                Channel.WRITTEN)), "not sought");
    }

    @Test
    void aFamilyNotToldNeedsTheReasonWhyNot() {
        Consent untold = new Consent(ConsentStatus.GIVEN, "Agreed", null, false, null, null);
        expectRefused(share(SHARE, details(untold, allPrinciplesAttested(), childVoice(), Urgency.ROUTINE,
                Channel.WRITTEN)), "record why not");
    }

    @Test
    void allSixPrinciplesMustBeAttested() {
        List<PrincipleAttestation> five = allPrinciplesAttested().subList(0, 5);
        expectRefused(share(SHARE, details(consentGiven(), five, childVoice(), Urgency.ROUTINE, Channel.WRITTEN)),
                "SECURE");
    }

    @Test
    void aPrincipleNotAttestedNeedsAReason_andWithOneIsAccepted() {
        List<PrincipleAttestation> principles = new ArrayList<>(allPrinciplesAttested());
        principles.set(3, new PrincipleAttestation(Principle.ACCURATE, false, null));
        expectRefused(share(SHARE, details(consentGiven(), principles, childVoice(), Urgency.ROUTINE,
                Channel.WRITTEN)), "ACCURATE is not attested");

        principles.set(3, new PrincipleAttestation(Principle.ACCURATE, false,
                "The dates of absence have not yet been checked against the register"));
        fixture.givenNoPriorActivity()
                .when(share(SHARE, details(consentGiven(), principles, childVoice(), Urgency.ROUTINE, Channel.WRITTEN)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aHistoricalStatementMustSayWhyItIsStillRelevant() {
        Statement historical = new Statement("Known to children's social care in 2023", StatementKind.FACT,
                StatementCurrency.HISTORICAL, null, "Previous referral", Verification.UNVERIFIED, null);
        expectRefused(share(SHARE, details(), List.of(fact("Absent 6 days"), historical)), "still relevant");
    }

    @Test
    void aVerifiedStatementMustSayByWhom() {
        Statement opinion = new Statement("Seems withdrawn", StatementKind.OPINION, StatementCurrency.CURRENT, null,
                "Class teacher", Verification.CORROBORATED, null);
        expectRefused(share(SHARE, details(), List.of(opinion)), "by whom");
    }

    @Test
    void theChildsVoiceIsRecorded_orWhyItCouldNotBe() {
        ChildVoice silent = new ChildVoice(null, null, null, null, null);
        expectRefused(share(SHARE, details(consentGiven(), allPrinciplesAttested(), silent, Urgency.ROUTINE,
                Channel.WRITTEN)), "child's wishes and feelings");

        ChildVoice wordsAlone = new ChildVoice(null, "I don't like going home on Fridays", null, null, null);
        expectRefused(share(SHARE, details(consentGiven(), allPrinciplesAttested(), wordsAlone, Urgency.ROUTINE,
                Channel.WRITTEN)), "circumstances in which the child said it");
        ChildVoice wordsWithWhere = new ChildVoice(null, "I don't like going home on Fridays",
                "In a one-to-one with the class teacher", " ", null);
        expectRefused(share(SHARE, details(consentGiven(), allPrinciplesAttested(), wordsWithWhere, Urgency.ROUTINE,
                Channel.WRITTEN)), "how the child came to say it");

        ChildVoice tooYoung = new ChildVoice(null, null, null, null, "The child is 8 months old");
        fixture.givenNoPriorActivity()
                .when(share(SHARE, details(consentGiven(), allPrinciplesAttested(), tooYoung, Urgency.ROUTINE,
                        Channel.WRITTEN)))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void aShareWithoutRecipientsOrPurposeOrToItselfIsRefused() {
        ShareInformation base = share(SHARE, details());
        expectRefused(new ShareInformation(SHARE, CHILD, "school-a", List.of(), base.purpose(), base.statements(),
                base.details(), FRIDAY), "at least one recipient");
        expectRefused(new ShareInformation(SHARE, CHILD, "school-a", List.of("csc-a"), " ", base.statements(),
                base.details(), FRIDAY), "purpose");
        expectRefused(new ShareInformation(SHARE, CHILD, "school-a", List.of("school-a"), base.purpose(),
                base.statements(), base.details(), FRIDAY), "cannot also be a recipient");
        expectRefused(new ShareInformation(SHARE, CHILD, "school-a", List.of("csc-a", "gp-a", "csc-a"),
                base.purpose(), base.statements(), base.details(), FRIDAY), "csc-a is named more than once");
    }

    @Test
    void aRecipientAcknowledgesReceipt_once_andOnlyForItself() {
        ShareInformation command = share(SHARE, details());
        InformationShared shared = shared(command, MONDAY, null);
        fixture.given(shared)
                .when(new AcknowledgeShare(SHARE, "csc-a", ACKNOWLEDGED_AT))
                .expectEvents(new ShareAcknowledged(SHARE, CHILD, "csc-a", ACKNOWLEDGED_AT));
        fixture.given(shared, new ShareAcknowledged(SHARE, CHILD, "csc-a", ACKNOWLEDGED_AT))
                .when(new AcknowledgeShare(SHARE, "csc-a", ACKNOWLEDGED_AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
        fixture.given(shared)
                .when(new AcknowledgeShare(SHARE, "school-a", ACKNOWLEDGED_AT))
                .expectException(ShareRules.NotARecipient.class)
                .expectNoEvents();
    }
}
