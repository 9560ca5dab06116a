package org.safeguarding.backbone.transitions.transfer.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class TransferCommands {

    private TransferCommands() {
    }

    public record RecordTransfer(@TargetAggregateIdentifier String transferId, String childId, String fromAgency,
                                 String toAgency, String reason, LocalDate movedOn, String recordedBy,
                                 Instant occurredAt) {
    }
}
