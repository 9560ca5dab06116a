package org.safeguarding.backbone.referrals.share.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.kernel.childkeys.Personal;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Details;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Statement;

/**
 * The facts an information share records in the event store. Internal: other services see the Avro integration
 * events mapped from these (share/integration).
 */
public sealed interface ShareEvents {

    String shareId();

    String childId();

    Instant occurredAt();

    /**
     * @param acknowledgeBy      when recipients must have acknowledged it (R11), from its urgency
     * @param writtenFollowUpBy  for a verbal share, when the written follow-up is due (R7); null when written
     * @param plainLanguageWarnings jargon and acronyms found in the free text (R16), kept with the share
     * @param acknowledgeByRecipient the recipients due at another time than {@code acknowledgeBy}: schools, whose
     *                               clock runs only while they are open (R11); empty in shares stored before
     */
    record InformationShared(String shareId, String childId, String senderAgency, List<String> recipientAgencies,
                             @Personal String purpose, List<Statement> statements, Details details, Instant occurredAt,
                             Instant acknowledgeBy, Instant writtenFollowUpBy,
                             List<PlainLanguageWarning> plainLanguageWarnings,
                             Map<String, Instant> acknowledgeByRecipient) implements ShareEvents {

        public InformationShared {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
            acknowledgeByRecipient = acknowledgeByRecipient == null ? Map.of() : Map.copyOf(acknowledgeByRecipient);
        }

        /** When {@code recipient} must have acknowledged the share. */
        public Instant acknowledgeBy(String recipient) {
            return acknowledgeByRecipient.getOrDefault(recipient, acknowledgeBy);
        }
    }

    /** R11: the acknowledgement deadline passed with these recipients not having acknowledged. */
    record AcknowledgementOverdue(String shareId, String childId, String senderAgency, List<String> overdueAgencies,
                                  Instant dueAt, Instant occurredAt) implements ShareEvents {
    }

    /** R7: the sender of a verbal share recorded it in writing. */
    /** @param plainLanguageWarnings jargon in the written record (R16); none in events stored before it was checked */
    record WrittenFollowUpRecorded(String shareId, String childId, String senderAgency,
                                   List<String> recipientAgencies, @Personal String writtenRecord, Instant occurredAt,
                                   List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public WrittenFollowUpRecorded {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** R7: a verbal share was not followed up in writing by its deadline. */
    record WrittenFollowUpOverdue(String shareId, String childId, String senderAgency, Instant dueAt,
                                  Instant occurredAt) implements ShareEvents {
    }

    /**
     * R12: the share went to the agency the child joined, with the transfer package: from now on that agency holds
     * it too, as a recipient by transfer (reads, acknowledges and asks about it like the others).
     */
    record ShareForwarded(String shareId, String childId, String senderAgency, String forwardedBy,
                          String forwardedTo, String transferId, Instant occurredAt) implements ShareEvents {
    }

    /**
     * R4, R5: the sender corrected statement {@code statementIndex}; the original stays on the record. Every agency
     * holding the share ({@code recipientAgencies}: recipients and recipients by transfer) acknowledges it, by the
     * share's deadline rules from when it was corrected.
     *
     * @param correction the correction's number on the share, from 1 (a withdrawal is numbered among them)
     */
    record ShareCorrected(String shareId, String childId, String senderAgency, List<String> recipientAgencies,
                          int correction, int statementIndex, Statement corrected, @Personal String reason,
                          Instant acknowledgeBy, Map<String, Instant> acknowledgeByRecipient,
                          List<PlainLanguageWarning> plainLanguageWarnings, Instant occurredAt)
            implements ShareEvents {
        public ShareCorrected {
            acknowledgeByRecipient = acknowledgeByRecipient == null ? Map.of() : Map.copyOf(acknowledgeByRecipient);
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /**
     * R4, R5: the sender withdrew the share, saying why. It stays on the record, marked withdrawn; every agency
     * holding it acknowledges the withdrawal (numbered among the corrections).
     *
     * @param plainLanguageWarnings jargon in the reason (R16); none in events stored before it was checked
     */
    record ShareWithdrawn(String shareId, String childId, String senderAgency, List<String> recipientAgencies,
                          int correction, @Personal String reason, Instant acknowledgeBy,
                          Map<String, Instant> acknowledgeByRecipient, Instant occurredAt,
                          List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public ShareWithdrawn {
            acknowledgeByRecipient = acknowledgeByRecipient == null ? Map.of() : Map.copyOf(acknowledgeByRecipient);
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** A recipient acknowledged correction (or withdrawal) {@code correction}. */
    record CorrectionAcknowledged(String shareId, String childId, String recipientAgency, String senderAgency,
                                  int correction, Instant occurredAt) implements ShareEvents {
    }

    /** R11: a correction's acknowledgement deadline passed with these recipients not having acknowledged it. */
    record CorrectionAcknowledgementOverdue(String shareId, String childId, String senderAgency, int correction,
                                            List<String> overdueAgencies, Instant dueAt, Instant occurredAt)
            implements ShareEvents {
    }

    /** R5: {@code agency}, holding the share, recorded that a statement has since been verified or corroborated. */
    record StatementVerified(String shareId, String childId, String agency, String senderAgency, int statementIndex,
                             ShareContent.Verification verification, String verifiedBy, Instant occurredAt)
            implements ShareEvents {
    }

    /** R3: the sender recorded when and how the family was told what was shared. */
    /** @param plainLanguageWarnings jargon in how it was told (R16); none in events stored before it was checked */
    record FamilyInformed(String shareId, String childId, String senderAgency, List<String> recipientAgencies,
                          Instant informedAt, @Personal String how, Instant occurredAt,
                          List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public FamilyInformed {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** R3: the date set to review telling the family passed with the family still not told: the sender reminded. */
    record FamilyInformedReviewDue(String shareId, String childId, String senderAgency, LocalDate reviewBy,
                                   Instant occurredAt) implements ShareEvents {
    }

    /**
     * R3: the consent the share was made under was withdrawn. Every agency holding it is told; it is passed on no
     * further unless {@code safeguardingJustification} (null: none) says why sharing goes on without consent.
     *
     * @param plainLanguageWarnings jargon in the reason and the justification (R16); none in events stored before
     *                              they were checked
     */
    record ConsentWithdrawn(String shareId, String childId, String senderAgency, List<String> recipientAgencies,
                            Instant withdrawnAt, @Personal String reason, @Personal String safeguardingJustification,
                            Instant occurredAt, List<PlainLanguageWarning> plainLanguageWarnings)
            implements ShareEvents {
        public ConsentWithdrawn {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    record ShareRead(String shareId, String childId, String recipientAgency, String senderAgency, Instant occurredAt)
            implements ShareEvents {
    }

    /** @param plainLanguageWarnings jargon in the note (R16); none in events stored before it was checked */
    record UnderstandingConfirmed(String shareId, String childId, String recipientAgency, String senderAgency,
                                  @Personal String note, Instant occurredAt,
                                  List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public UnderstandingConfirmed {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** @param plainLanguageWarnings jargon in the question (R16); none in events stored before it was checked */
    record ClarificationRequested(String shareId, String childId, String recipientAgency, String senderAgency,
                                  String questionId, @Personal String question, Instant occurredAt,
                                  List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public ClarificationRequested {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** @param plainLanguageWarnings jargon in the answer (R16); none in events stored before it was checked */
    record ClarificationAnswered(String shareId, String childId, String senderAgency, String recipientAgency,
                                 String questionId, @Personal String answer, Instant occurredAt,
                                 List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public ClarificationAnswered {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** @param plainLanguageWarnings jargon in how it was used (R16); none in events stored before it was checked */
    record InformationUseRecorded(String shareId, String childId, String recipientAgency, String senderAgency,
                                  @Personal String howUsed, Instant occurredAt,
                                  List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public InformationUseRecorded {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    record ShareAcknowledged(String shareId, String childId, String recipientAgency, Instant occurredAt)
            implements ShareEvents {
    }
}
