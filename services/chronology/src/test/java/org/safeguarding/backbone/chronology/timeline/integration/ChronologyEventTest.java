package org.safeguarding.backbone.chronology.timeline.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyEntry;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeEscalated;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeResolved;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallenged;
import org.safeguarding.backbone.contracts.referrals.v1.Channel;
import org.safeguarding.backbone.contracts.referrals.v1.DecidedNotToShare;
import org.safeguarding.backbone.contracts.referrals.v1.Consent;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentStatus;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.AcknowledgementOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.ClarificationAnswered;
import org.safeguarding.backbone.contracts.referrals.v1.ClarificationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationUseRecorded;
import org.safeguarding.backbone.contracts.referrals.v1.UnderstandingConfirmed;
import org.safeguarding.backbone.contracts.referrals.v1.RejectionReason;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRejected;
import org.safeguarding.backbone.contracts.referrals.v1.SharingDeclined;
import org.safeguarding.backbone.contracts.referrals.v1.Urgency;
import org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpRecorded;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.FamilyInformed;
import org.safeguarding.backbone.contracts.referrals.v1.FamilyInformedReviewDue;
import org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledgementOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.ShareCorrected;
import org.safeguarding.backbone.contracts.referrals.v1.ShareWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.StatementVerified;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;

class ChronologyEventTest {

    private static final Envelope ENVELOPE = Envelope.newBuilder().setEventId("e-1").setChildId("9990000018")
            .setOccurredAt(Instant.parse("2026-11-20T09:00:00Z")).setRecordedAt(Instant.parse("2026-11-20T09:00:01Z"))
            .setActingAgency("police-a").setCorrelationId("c-1").build();

    @Test
    void aShareWithoutConsentSaysSo_withItsJustification_urgencyAndChannel() {
        InformationShared shared = InformationShared.newBuilder().setEnvelope(ENVELOPE).setShareId("s-1")
                .setSenderAgency("police-a").setRecipientAgencies(List.of("school-a")).setPurpose("Domestic abuse incident")
                .setStatements(List.of()).setUrgency(Urgency.IMMEDIATE).setChannel(Channel.PHONE)
                .setConsent(Consent.newBuilder().setStatus(ConsentStatus.NOT_SOUGHT).setReason("Would alert the adult")
                        .setSafeguardingJustification("Child present during the incident").setFamilyInformed(false)
                        .build())
                .build();

        ChronologyEvent event = ChronologyEvent.of(shared);

        assertThat(event.summary()).isEqualTo("police-a shared information with school-a (immediate, by phone). "
                + "Purpose: Domestic abuse incident. Consent not sought; justification: Child present during the incident");
        assertThat(event.parties()).containsExactlyInAnyOrder("police-a", "school-a");
    }

    @Test
    void missedDeadlinesAndWrittenFollowUpsAreOnTheChronology_involvingTheAgenciesConcerned() {
        ChronologyEvent notAcknowledged = ChronologyEvent.of(AcknowledgementOverdue.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setSenderAgency("police-a").setOverdueAgencies(List.of("school-a"))
                .setDueAt(Instant.parse("2026-11-23T09:00:00Z")).build());
        assertThat(notAcknowledged.summary()).isEqualTo("Not acknowledged by its deadline (2026-11-23T09:00:00Z): "
                + "share share-00 from police-a to school-a.");
        assertThat(notAcknowledged.parties()).containsExactlyInAnyOrder("police-a", "school-a");

        ChronologyEvent notWritten = ChronologyEvent.of(WrittenFollowUpOverdue.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setSenderAgency("police-a").setDueAt(Instant.parse("2026-11-23T09:00:00Z"))
                .build());
        assertThat(notWritten.type()).isEqualTo("WrittenFollowUpOverdue");
        assertThat(notWritten.summary()).contains("had not followed it up in writing by 2026-11-23T09:00:00Z");

        ChronologyEvent written = ChronologyEvent.of(WrittenFollowUpRecorded.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setRecipientAgencies(List.of("school-a")).setWrittenRecord("Letter").build());
        assertThat(written.summary()).isEqualTo("police-a followed up share share-00 in writing.");
    }

    @Test
    void aCorrection_aWithdrawal_theirAcknowledgement_andALaterVerification_areOnTheChronology_theOriginalKept() {
        org.safeguarding.backbone.contracts.referrals.v1.Statement corrected =
                org.safeguarding.backbone.contracts.referrals.v1.Statement.newBuilder()
                        .setText("Absent 5 of the last 10 school days.")
                        .setKind(org.safeguarding.backbone.contracts.referrals.v1.StatementKind.FACT)
                        .setCurrency(org.safeguarding.backbone.contracts.referrals.v1.StatementCurrency.CURRENT)
                        .setSource("Register").build();
        ChronologyEvent correction = ChronologyEvent.of(ShareCorrected.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a", "gp-a"))
                .setCorrection(1).setStatementIndex(0).setCorrected(corrected)
                .setReason("One absence was authorised").setAcknowledgeBy(Instant.parse("2026-11-24T10:00:00Z"))
                .build());
        assertThat(correction.summary()).isEqualTo("school-a corrected statement 1 of share share-00 to read: "
                + "Absent 5 of the last 10 school days. Reason: One absence was authorised (correction 1, to be "
                + "acknowledged by csc-a, gp-a).");
        assertThat(correction.parties()).containsExactlyInAnyOrder("school-a", "csc-a", "gp-a");
        assertThat(correction.subject()).isEqualTo("share:share-0001");

        ChronologyEvent withdrawn = ChronologyEvent.of(ShareWithdrawn.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a"))
                .setCorrection(2).setReason("Wrong child").setAcknowledgeBy(Instant.parse("2026-11-24T10:00:00Z"))
                .build());
        assertThat(withdrawn.summary()).isEqualTo("school-a withdrew share share-00. Reason: Wrong child (to be "
                + "acknowledged by csc-a).");

        assertThat(ChronologyEvent.of(CorrectionAcknowledged.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setRecipientAgency("csc-a").setSenderAgency("school-a").setCorrection(1)
                .build()).summary()).isEqualTo("csc-a acknowledged correction 1 of share share-00 from school-a.");
        ChronologyEvent overdue = ChronologyEvent.of(CorrectionAcknowledgementOverdue.newBuilder()
                .setEnvelope(ENVELOPE).setShareId("share-0001").setSenderAgency("school-a").setCorrection(1)
                .setOverdueAgencies(List.of("gp-a")).setDueAt(Instant.parse("2026-11-24T10:00:00Z")).build());
        assertThat(overdue.summary()).isEqualTo("Correction 1 of share share-00 from school-a not acknowledged by "
                + "its deadline (2026-11-24T10:00:00Z) by gp-a.");
        assertThat(overdue.parties()).containsExactlyInAnyOrder("school-a", "gp-a");
        ChronologyEvent verified = ChronologyEvent.of(StatementVerified.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setSenderAgency("school-a").setStatementIndex(0)
                .setVerification(org.safeguarding.backbone.contracts.referrals.v1.Verification.CORROBORATED)
                .setVerifiedBy("Home visit (synthetic)").build());
        assertThat(verified.summary()).isEqualTo("police-a recorded statement 1 of share share-00 as corroborated "
                + "by Home visit (synthetic).");
    }

    @Test
    void theFamilyTold_aReviewOfTellingItDue_andConsentWithdrawn_areOnTheChronology() {
        ChronologyEvent told = ChronologyEvent.of(FamilyInformed.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a"))
                .setInformedAt(Instant.parse("2026-11-23T15:00:00Z")).setHow("In person, by the head").build());
        assertThat(told.summary()).isEqualTo("school-a told the child's family about share share-00 at "
                + "2026-11-23T15:00:00Z: In person, by the head");
        assertThat(told.parties()).containsExactlyInAnyOrder("school-a", "csc-a");
        ChronologyEvent due = ChronologyEvent.of(FamilyInformedReviewDue.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setSenderAgency("school-a")
                .setReviewBy(java.time.LocalDate.parse("2026-12-04")).build());
        assertThat(due.summary()).isEqualTo("Review due: school-a set 2026-12-04 to review telling the family about "
                + "share share-00, and the family has not been told.");
        assertThat(due.parties()).containsExactly("school-a");
        ChronologyEvent withdrawn = ChronologyEvent.of(ConsentWithdrawn.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a"))
                .setWithdrawnAt(Instant.parse("2026-11-24T09:00:00Z")).setReason("The mother phoned to withdraw it.")
                .build());
        assertThat(withdrawn.summary()).isEqualTo("Consent to share share-00 from school-a was withdrawn at "
                + "2026-11-24T09:00:00Z: The mother phoned to withdraw it. Sharing under it has stopped.");
        assertThat(withdrawn.parties()).containsExactlyInAnyOrder("school-a", "csc-a");
    }

    @Test
    void aChallengeToFeedback_eachLevelItClimbs_andItsResolution_areOnTheChronology_namingWhoIsAsked() {
        ChronologyEvent challenged = ChronologyEvent.of(FeedbackChallenged.newBuilder().setEnvelope(ENVELOPE)
                .setFeedbackId("fb-1").setShareId("share-0001").setChallenge(1).setChallengedBy("school-a")
                .setChallengedTo("csc-a").setReasons("The child was not seen").setLevel(1).setTo("PRACTITIONER")
                .setAddressedTo("csc-a").setAnswerDueBy(java.time.LocalDate.parse("2026-11-26")).build());
        assertThat(challenged.summary()).isEqualTo("school-a challenged the feedback csc-a gave on share share-00 "
                + "(challenge 1, level 1, to the practitioner at csc-a, answer due by 2026-11-26). "
                + "Reasons: The child was not seen");
        assertThat(challenged.subject()).isEqualTo("feedback:fb-1");

        ChronologyEvent climbed = ChronologyEvent.of(FeedbackChallengeEscalated.newBuilder().setEnvelope(ENVELOPE)
                .setFeedbackId("fb-1").setShareId("share-0001").setChallenge(1).setLevel(3)
                .setTo("SAFEGUARDING_PARTNERSHIP").setAddressedTo("partnership-a").setReason("NOT_ANSWERED_IN_TIME")
                .setReasons(null).setAnswerDueBy(java.time.LocalDate.parse("2026-12-18")).build());
        assertThat(climbed.summary()).isEqualTo("Challenge 1 to feedback on share share-00 was not answered in time: "
                + "taken to level 3, the safeguarding partnership, partnership-a, answer due by 2026-12-18.");
        assertThat(climbed.parties()).as("the partnership is now party").contains("partnership-a");

        ChronologyEvent resolved = ChronologyEvent.of(FeedbackChallengeResolved.newBuilder().setEnvelope(ENVELOPE)
                .setFeedbackId("fb-1").setShareId("share-0001").setChallenge(1).setLevel(3)
                .setResolvedBy("partnership-a").setResolution("A strategy discussion is to be held").build());
        assertThat(resolved.summary()).isEqualTo("partnership-a resolved challenge 1 to feedback on share share-00 "
                + "at level 3: A strategy discussion is to be held");
    }

    @Test
    void aQuestionAndItsAnswer_andConfirmedUnderstanding_areOnTheChronology() {
        ChronologyEvent asked = ChronologyEvent.of(ClarificationRequested.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setRecipientAgency("school-a").setSenderAgency("police-a")
                .setQuestionId("q-1").setQuestion("Was the child present?").build());
        assertThat(asked.summary()).isEqualTo("school-a asked police-a about share share-00: Was the child present?");
        ChronologyEvent answered = ChronologyEvent.of(ClarificationAnswered.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setRecipientAgency("school-a").setSenderAgency("police-a")
                .setQuestionId("q-1").setAnswer("Yes, asleep upstairs").build());
        assertThat(answered.summary()).isEqualTo("police-a answered school-a about share share-00: Yes, asleep upstairs");
        ChronologyEvent understood = ChronologyEvent.of(UnderstandingConfirmed.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setRecipientAgency("school-a").setSenderAgency("police-a").build());
        assertThat(understood.summary()).isEqualTo("school-a confirmed it understood share share-00 from police-a.");
        ChronologyEvent used = ChronologyEvent.of(InformationUseRecorded.newBuilder().setEnvelope(ENVELOPE)
                .setShareId("share-0001").setRecipientAgency("school-a").setSenderAgency("police-a")
                .setHowUsed("Designated lead will check in with the child each morning").build());
        assertThat(used.type()).isEqualTo("InformationUseRecorded");
        assertThat(used.parties()).containsExactlyInAnyOrder("police-a", "school-a");
    }

    @Test
    void aRefusedShareIsOnTheChronologyOfTheAgencyThatSentIt() {
        ChronologyEvent refused = ChronologyEvent.of(ShareRejected.newBuilder().setEnvelope(ENVELOPE)
                .setRequestId("r-1").setSendingAgency("police-a").setProblems(List.of(RejectionReason.newBuilder()
                        .setType("unknown-agency").setField("recipients[0].agency")
                        .setMessage("'nowhere' is not an agency known to the backbone.").build()))
                .build());
        assertThat(refused.summary()).isEqualTo("police-a sent a share that the backbone refused: "
                + "recipients[0].agency: 'nowhere' is not an agency known to the backbone.");
        assertThat(refused.parties()).containsExactly("police-a");
    }

    /** Issue 12: a value the store cannot hold is a record that can never be processed, not one retried for ever. */
    @Test
    void anActWithAValueLongerThanTheChronologyHolds_isRefusedAsUnprocessable_namingTheField() {
        Envelope tooLong = Envelope.newBuilder(ENVELOPE).setChildId("9".repeat(21)).build();
        assertThatThrownBy(() -> ChronologyEvent.of(ShareRejected.newBuilder().setEnvelope(tooLong)
                .setRequestId("r-1").setSendingAgency("police-a").setProblems(List.of()).build()))
                .isInstanceOf(UnprocessableRecord.class)
                .hasMessage("The chronology cannot file this act: envelope.childId is 21 characters long, more than "
                        + "the 20 it holds.");
        assertThatThrownBy(() -> ChronologyEvent.of(ShareRejected.newBuilder().setEnvelope(ENVELOPE)
                .setRequestId("r".repeat(300)).setSendingAgency("police-a").setProblems(List.of()).build()))
                .isInstanceOf(UnprocessableRecord.class).hasMessageContaining("subject");
    }

    @Test
    void aDecisionNotToShareIsOnTheChronology_withWhoDecidedAndWhy() {
        ChronologyEvent declined = ChronologyEvent.of(SharingDeclined.newBuilder().setEnvelope(ENVELOPE)
                .setRequestId("r-1").setHolderAgency("gp-a").setRequestingAgency("school-a")
                .setDecidedBy("Dr Example (synthetic)").setReasons("The records asked for are about another child")
                .build());
        assertThat(declined.summary()).isEqualTo("gp-a decided not to share with school-a (decided by Dr Example "
                + "(synthetic)). Reasons: The records asked for are about another child");
        assertThat(declined.parties()).containsExactlyInAnyOrder("gp-a", "school-a");
    }

    @Test
    void anUnpromptedDecisionNotToShareIsOnTheDecidingAgencysChronologyOnly() {
        ChronologyEvent decided = ChronologyEvent.of(DecidedNotToShare.newBuilder().setEnvelope(ENVELOPE)
                .setDecisionId("d-1").setDecidingAgency("health-visiting-a").setDecidedBy("Health visitor (synthetic)")
                .setConsideredAgencies(List.of("csc-a")).setReasons("Threshold not met; support offered instead")
                .build());
        assertThat(decided.summary()).isEqualTo("health-visiting-a decided not to share with csc-a (decided by "
                + "Health visitor (synthetic)). Reasons: Threshold not met; support offered instead");
        assertThat(decided.parties()).containsExactly("health-visiting-a");
    }

    @Test
    void aLongShareIsSummarisedWhole_andALongListSaysHowManyMore() {
        String purpose = "p".repeat(4000);
        String justification = "j".repeat(4000);
        List<String> recipients = IntStream.rangeClosed(1, 25).mapToObj(i -> "agency-" + i).toList();
        InformationShared shared = InformationShared.newBuilder().setEnvelope(ENVELOPE).setShareId("s-1")
                .setSenderAgency("police-a").setRecipientAgencies(recipients).setPurpose(purpose)
                .setStatements(List.of())
                .setConsent(Consent.newBuilder().setStatus(ConsentStatus.NOT_SOUGHT).setReason("Would alert the adult")
                        .setSafeguardingJustification(justification).setFamilyInformed(false).build())
                .build();

        ChronologyEvent event = ChronologyEvent.of(shared);

        assertThat(event.summary()).contains(purpose).contains(justification)
                .contains("agency-20, and 5 more").doesNotContain("agency-21");
        assertThat(event.summary().length()).isLessThan(ChronologyEntry.MAX_SUMMARY);
        assertThat(event.parties()).as("every recipient is party, listed or not").hasSize(26);
    }

    @Test
    void aRecordTypeTheChronologyDoesNotKnowIsDeadLetteredAtOnce_namingIt() {
        assertThatThrownBy(() -> ChronologyEvent.of(ENVELOPE))
                .isInstanceOf(UnprocessableRecord.class)
                .hasMessageContaining("org.safeguarding.backbone.contracts.common.v1.Envelope");
    }
}
