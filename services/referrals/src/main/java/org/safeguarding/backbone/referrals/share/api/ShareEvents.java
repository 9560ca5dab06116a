package org.safeguarding.backbone.referrals.share.api;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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
                             String purpose, List<Statement> statements, Details details, Instant occurredAt,
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
    record WrittenFollowUpRecorded(String shareId, String childId, String senderAgency,
                                   List<String> recipientAgencies, String writtenRecord, Instant occurredAt)
            implements ShareEvents {
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

    record ShareRead(String shareId, String childId, String recipientAgency, String senderAgency, Instant occurredAt)
            implements ShareEvents {
    }

    record UnderstandingConfirmed(String shareId, String childId, String recipientAgency, String senderAgency,
                                  String note, Instant occurredAt) implements ShareEvents {
    }

    /** @param plainLanguageWarnings jargon in the question (R16); none in events stored before it was checked */
    record ClarificationRequested(String shareId, String childId, String recipientAgency, String senderAgency,
                                  String questionId, String question, Instant occurredAt,
                                  List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public ClarificationRequested {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** @param plainLanguageWarnings jargon in the answer (R16); none in events stored before it was checked */
    record ClarificationAnswered(String shareId, String childId, String senderAgency, String recipientAgency,
                                 String questionId, String answer, Instant occurredAt,
                                 List<PlainLanguageWarning> plainLanguageWarnings) implements ShareEvents {
        public ClarificationAnswered {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    record InformationUseRecorded(String shareId, String childId, String recipientAgency, String senderAgency,
                                  String howUsed, Instant occurredAt) implements ShareEvents {
    }

    record ShareAcknowledged(String shareId, String childId, String recipientAgency, Instant occurredAt)
            implements ShareEvents {
    }
}
