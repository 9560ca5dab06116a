package org.safeguarding.backbone.transitions.transfer.api;

import java.time.Instant;
import java.time.LocalDate;

/** The facts of a child's transfer, as the event store records them. */
public sealed interface TransferEvents {

    record ChildTransferred(String transferId, String childId, String fromAgency, String toAgency, String reason,
                            LocalDate movedOn, String recordedBy, Instant occurredAt) implements TransferEvents {
    }
}
