package org.safeguarding.backbone.transitions.transfer.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class TransferCommands {

    private TransferCommands() {
    }

    /**
     * The agency the child leaves records that the child has moved.
     *
     * @param recorderWorkedWithChild whether the backbone knows the recording agency to have worked with the child
     */
    public record RecordTransfer(@TargetAggregateIdentifier String transferId, String childId, String fromAgency,
                                 String toAgency, String reason, LocalDate movedOn, String recordedBy,
                                 boolean recorderWorkedWithChild, Instant occurredAt, TransferPackage transferPackage) {

        /** A move recorded without its package (as before packages were built). */
        public RecordTransfer(String transferId, String childId, String fromAgency, String toAgency, String reason,
                              LocalDate movedOn, String recordedBy, boolean recorderWorkedWithChild,
                              Instant occurredAt) {
            this(transferId, childId, fromAgency, toAgency, reason, movedOn, recordedBy, recorderWorkedWithChild,
                    occurredAt, null);
        }
    }

    /** The agency the child joins says the child has moved to it: a move only once the leaving agency confirms. */
    public record ProposeTransfer(@TargetAggregateIdentifier String transferId, String childId, String fromAgency,
                                  String toAgency, String reason, LocalDate movedOn, String proposedBy,
                                  Instant occurredAt) {
    }

    /** The agency the child left confirms a move the joining agency proposed. */
    public record ConfirmTransfer(@TargetAggregateIdentifier String transferId, String confirmedBy,
                                  boolean confirmerWorkedWithChild, Instant occurredAt,
                                  TransferPackage transferPackage) {

        /** A move confirmed without its package (as before packages were built). */
        public ConfirmTransfer(String transferId, String confirmedBy, boolean confirmerWorkedWithChild,
                               Instant occurredAt) {
            this(transferId, confirmedBy, confirmerWorkedWithChild, occurredAt, null);
        }
    }

    /** What the leaving agency holds about the child, to go with the move, and when it must be acknowledged. */
    public record TransferPackage(List<TransferEvents.PackageItem> items, Instant acknowledgeBy) {
    }

    /** The joining agency acknowledges the package: complete, or not, saying what is missing. */
    public record AcknowledgePackage(@TargetAggregateIdentifier String transferId, String agency, boolean complete,
                                     String missing, Instant occurredAt) {
    }
}
