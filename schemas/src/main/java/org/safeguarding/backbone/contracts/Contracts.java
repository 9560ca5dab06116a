package org.safeguarding.backbone.contracts;

import java.util.List;
import java.util.Optional;
import org.apache.avro.Schema;

/**
 * Every record type that travels on its own on a topic: each event (a record with an envelope) and each inbound
 * request. Each is a subject of the schema registry under its full name (Confluent's RecordNameStrategy; Apicurio's
 * QualifiedRecordIdStrategy, in the default group), registered self-contained: the shared types it uses (the
 * envelope, statements, ...) are written out inside it, so any client that speaks the Confluent API decodes it
 * without resolving references. {@code ContractsTest} keeps this list equal to the schemas under
 * {@code src/main/avro}.
 */
public final class Contracts {

    private static final List<Schema> RECORDS = List.of(
            org.safeguarding.backbone.contracts.access.v1.ChildDataRead.getClassSchema(),
            org.safeguarding.backbone.contracts.chronology.v1.ChildContentErased.getClassSchema(),
            org.safeguarding.backbone.contracts.chronology.v1.LeadAgenciesChanged.getClassSchema(),
            org.safeguarding.backbone.contracts.chronology.v1.LegalHoldPlaced.getClassSchema(),
            org.safeguarding.backbone.contracts.chronology.v1.LegalHoldReleased.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeAnswered.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeEscalated.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeOverdue.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeResolved.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallenged.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackEscalated.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackGiven.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackOverdue.getClassSchema(),
            org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation.getClassSchema(),
            org.safeguarding.backbone.contracts.patterns.v1.PatternDetected.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.AcknowledgementOverdue.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ClarificationAnswered.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ClarificationRequested.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ConsentWithdrawn.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledged.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledgementOverdue.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.DecidedNotToShare.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.FamilyInformed.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.FamilyInformedReviewDue.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.InformationRequestAnswered.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.InformationRequestEscalated.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.InformationRequestOverdue.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.InformationRequested.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.InformationShared.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.InformationUseRecorded.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ShareCorrected.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ShareForwarded.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ShareRead.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ShareRejected.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.ShareWithdrawn.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.SharingDeclined.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.StatementVerified.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.UnderstandingConfirmed.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpOverdue.getClassSchema(),
            org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpRecorded.getClassSchema(),
            org.safeguarding.backbone.contracts.reviews.v1.ReviewClosed.getClassSchema(),
            org.safeguarding.backbone.contracts.reviews.v1.ReviewOpened.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.CaseClosed.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.ClosureConcernAnswered.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.ClosureConcernOverridden.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationAnswered.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationNoReply.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationOpened.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.TransferPackageAcknowledged.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.TransferPackageOverdue.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.TransferPackageSent.getClassSchema(),
            org.safeguarding.backbone.contracts.transitions.v1.TransferProposed.getClassSchema());

    private Contracts() {
    }

    /** Every event and inbound request, each the schema its generated class writes with. */
    public static List<Schema> records() {
        return RECORDS;
    }

    /** The registry subject a record type is registered under: its full name. */
    public static String subjectOf(Schema record) {
        return record.getFullName();
    }

    /** The schema of the event or inbound request named {@code fullName}, if it is one. */
    public static Optional<Schema> byName(String fullName) {
        return RECORDS.stream().filter(schema -> schema.getFullName().equals(fullName)).findFirst();
    }
}
