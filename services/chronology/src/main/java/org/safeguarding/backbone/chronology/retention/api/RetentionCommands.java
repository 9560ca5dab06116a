package org.safeguarding.backbone.chronology.retention.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.childkeys.LegalHold;

/** What may be asked of a child's records as a whole (R18): holding them for a review or proceedings, erasing them. */
public final class RetentionCommands {

    private RetentionCommands() {
    }

    /**
     * A safeguarding partnership holds the child's records: nothing about the child is erased until it releases it.
     *
     * @param placerKind the kind of the agency placing it (only a safeguarding partnership may)
     */
    public record PlaceLegalHold(@TargetAggregateIdentifier String childId, String holdId, String placedBy,
                                 AgencyKind placerKind, LegalHold.Purpose purpose, String reference,
                                 Instant occurredAt) {
    }

    /** The partnership that placed a hold releases it. */
    public record ReleaseLegalHold(@TargetAggregateIdentifier String childId, String holdId, String releasedBy,
                                   String reason, Instant occurredAt) {
    }

    /** The child's records are erased: ordered by an operator, or at the end of their retention. */
    public record EraseChildContent(@TargetAggregateIdentifier String childId, String erasureId, String orderedBy,
                                    String reason, Instant occurredAt) {
    }
}
