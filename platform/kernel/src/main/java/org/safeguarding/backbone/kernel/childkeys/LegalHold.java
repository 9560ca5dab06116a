package org.safeguarding.backbone.kernel.childkeys;

import java.time.Instant;

/**
 * A hold on a child's records for a review, an inquiry or proceedings: while it is open, nothing about the child is
 * erased, whatever its retention says.
 *
 * @param reference  the review's, inquiry's or case's own reference, as given by whoever placed the hold
 * @param releasedAt null while open
 */
public record LegalHold(String holdId, String childId, Purpose purpose, String reference, String placedBy,
                        Instant placedAt, String releasedBy, Instant releasedAt) {

    public enum Purpose { REVIEW, INQUIRY, PROCEEDINGS }

    public boolean isOpen() {
        return releasedAt == null;
    }
}
