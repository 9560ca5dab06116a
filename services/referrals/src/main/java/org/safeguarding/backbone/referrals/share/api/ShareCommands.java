package org.safeguarding.backbone.referrals.share.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Details;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Statement;

/** What an agency can ask of an information share. */
public final class ShareCommands {

    private ShareCommands() {
    }

    public record ShareInformation(@TargetAggregateIdentifier String shareId, String childId, String senderAgency,
                                   List<String> recipientAgencies, String purpose, List<Statement> statements,
                                   Details details, Instant occurredAt) {
    }

    /** R7: the sender of a verbal share records it in writing. */
    public record RecordWrittenFollowUp(@TargetAggregateIdentifier String shareId, String agency, String writtenRecord,
                                        Instant occurredAt) {
    }

    /** R9: a recipient has read the share (beyond receiving it). */
    public record MarkShareRead(@TargetAggregateIdentifier String shareId, String agency, Instant occurredAt) {
    }

    /** R9: a recipient confirms it understood the share and its significance. */
    public record ConfirmUnderstanding(@TargetAggregateIdentifier String shareId, String agency, String note,
                                       Instant occurredAt) {
    }

    /** R9: a recipient asks the sender what something means. */
    public record RequestClarification(@TargetAggregateIdentifier String shareId, String agency, String questionId,
                                       String question, Instant occurredAt) {
    }

    /** R9: the sender answers a recipient's question. */
    public record AnswerClarification(@TargetAggregateIdentifier String shareId, String agency, String questionId,
                                      String answer, Instant occurredAt) {
    }

    /** R17: a recipient records how the information informed its decision or plan. */
    public record RecordInformationUse(@TargetAggregateIdentifier String shareId, String agency, String howUsed,
                                       Instant occurredAt) {
    }

    public record AcknowledgeShare(@TargetAggregateIdentifier String shareId, String agency, Instant occurredAt) {
    }

    /**
     * R12: a child moved; the agency it left passes the share, which it holds, to the agency it joined, as part of
     * the transfer package: the same share, its provenance, consent and lawful basis unchanged.
     */
    public record ForwardShare(@TargetAggregateIdentifier String shareId, String forwardedBy, String forwardedTo,
                               String transferId, Instant occurredAt) {
    }

    /** R4, R5: the sender corrects statement {@code statementIndex}, saying why. */
    public record CorrectStatement(@TargetAggregateIdentifier String shareId, String agency, int statementIndex,
                                   Statement corrected, String reason, Instant occurredAt) {
    }

    /** R4, R5: the sender withdraws the share, saying why. */
    public record WithdrawShare(@TargetAggregateIdentifier String shareId, String agency, String reason,
                                Instant occurredAt) {
    }

    /** A recipient acknowledges a correction or the withdrawal. */
    public record AcknowledgeCorrection(@TargetAggregateIdentifier String shareId, String agency, int correction,
                                        Instant occurredAt) {
    }

    /** R5: an agency holding the share records that a statement has since been verified or corroborated. */
    public record VerifyStatement(@TargetAggregateIdentifier String shareId, String agency, int statementIndex,
                                  ShareContent.Verification verification, String verifiedBy, Instant occurredAt) {
    }

    /** R3: the sender records when and how the family was told. */
    public record RecordFamilyInformed(@TargetAggregateIdentifier String shareId, String agency, Instant informedAt,
                                       String how, Instant occurredAt) {
    }

    /** R3: the sender records that the consent the share was made under was withdrawn. */
    public record RecordConsentWithdrawn(@TargetAggregateIdentifier String shareId, String agency,
                                         Instant withdrawnAt, String reason, String safeguardingJustification,
                                         Instant occurredAt) {
    }
}
