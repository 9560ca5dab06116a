package org.safeguarding.backbone.chronology.retention.api;

import java.time.Instant;
import org.safeguarding.backbone.kernel.childkeys.LegalHold;

/**
 * The facts of a child's records as a whole, as the chronology's event store records them (R18), published on the
 * chronology topic for every service to act on.
 */
public sealed interface RetentionEvents {

    String childId();

    Instant occurredAt();

    record LegalHoldPlaced(String childId, String holdId, String placedBy, LegalHold.Purpose purpose,
                           String reference, Instant occurredAt) implements RetentionEvents {
    }

    record LegalHoldReleased(String childId, String holdId, String placedBy, String releasedBy, String reason,
                             Instant occurredAt) implements RetentionEvents {
    }

    record ChildContentErased(String childId, String erasureId, String orderedBy, String reason, Instant occurredAt)
            implements RetentionEvents {
    }
}
