package org.safeguarding.backbone.transitions.transfer.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.Personal;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;

/** The facts of a child's transfer, as the event store records them. */
public sealed interface TransferEvents {

    /**
     * R12: the child moved; recorded by the agency it left, directly or by confirming the joining agency's proposal.
     *
     * @param plainLanguageWarnings jargon in the reason (R16); none in events stored before it was checked
     */
    record ChildTransferred(String transferId, String childId, String fromAgency, String toAgency, @Personal String reason,
                            LocalDate movedOn, String recordedBy, Instant occurredAt,
                            List<PlainLanguageWarning> plainLanguageWarnings) implements TransferEvents {
        public ChildTransferred {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /**
     * The agency the child joins said it had moved; not a move until the agency it left confirms.
     *
     * @param plainLanguageWarnings jargon in the reason (R16); none in events stored before it was checked
     */
    record TransferProposed(String transferId, String childId, String fromAgency, String toAgency, @Personal String reason,
                            LocalDate movedOn, String proposedBy, Instant occurredAt,
                            List<PlainLanguageWarning> plainLanguageWarnings) implements TransferEvents {
        public TransferProposed {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /**
     * R12: with the move, the package of what the leaving agency holds about the child went to the joining agency,
     * each share with its provenance, consent and lawful basis; to be acknowledged by {@code acknowledgeBy}.
     */
    record TransferPackageSent(String transferId, String childId, String fromAgency, String toAgency,
                               List<PackageItem> items, Instant acknowledgeBy, Instant occurredAt)
            implements TransferEvents {
        public TransferPackageSent {
            items = List.copyOf(items);
        }
    }

    /** A share in a transfer package, as it was first made: who shared it, when, why, with what consent and basis. */
    record PackageItem(String shareId, String sharedBy, Instant sharedAt, @Personal String purpose, String consentStatus,
                       String lawfulBasis) {
    }

    /**
     * The joining agency acknowledged the package: complete, or incomplete, saying what is missing; an incomplete
     * package is tracked until it is acknowledged complete.
     *
     * @param plainLanguageWarnings jargon in what is missing (R16); none in events stored before it was checked
     */
    record TransferPackageAcknowledged(String transferId, String childId, String fromAgency, String toAgency,
                                       boolean complete, @Personal String missing, Instant occurredAt,
                                       List<PlainLanguageWarning> plainLanguageWarnings) implements TransferEvents {
        public TransferPackageAcknowledged {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** The package was not acknowledged complete by its deadline (R12). */
    record TransferPackageOverdue(String transferId, String childId, String fromAgency, String toAgency,
                                  Instant acknowledgeBy, boolean acknowledgedIncomplete, Instant occurredAt)
            implements TransferEvents {
    }
}
