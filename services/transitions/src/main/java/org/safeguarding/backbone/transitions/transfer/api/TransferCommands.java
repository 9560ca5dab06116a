package org.safeguarding.backbone.transitions.transfer.api;

import java.time.Instant;
import java.time.LocalDate;
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
                                 boolean recorderWorkedWithChild, Instant occurredAt) {
    }

    /** The agency the child joins says the child has moved to it: a move only once the leaving agency confirms. */
    public record ProposeTransfer(@TargetAggregateIdentifier String transferId, String childId, String fromAgency,
                                  String toAgency, String reason, LocalDate movedOn, String proposedBy,
                                  Instant occurredAt) {
    }

    /** The agency the child left confirms a move the joining agency proposed. */
    public record ConfirmTransfer(@TargetAggregateIdentifier String transferId, String confirmedBy,
                                  boolean confirmerWorkedWithChild, Instant occurredAt) {
    }
}
