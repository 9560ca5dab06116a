package org.safeguarding.backbone.transitions.transfer.api;

import java.time.Instant;
import java.time.LocalDate;

/** The facts of a child's transfer, as the event store records them. */
public sealed interface TransferEvents {

    /**
     * R12: the child moved; recorded by the agency it left, directly or by confirming the joining agency's proposal.
     */
    record ChildTransferred(String transferId, String childId, String fromAgency, String toAgency, String reason,
                            LocalDate movedOn, String recordedBy, Instant occurredAt) implements TransferEvents {
    }

    /** The agency the child joins said it had moved; not a move until the agency it left confirms. */
    record TransferProposed(String transferId, String childId, String fromAgency, String toAgency, String reason,
                            LocalDate movedOn, String proposedBy, Instant occurredAt) implements TransferEvents {
    }
}
