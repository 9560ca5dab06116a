package org.safeguarding.backbone.messaging.childkeys;

import java.time.Instant;

/**
 * Told when a child's keys have been destroyed in this service ({@link ChildKeyOrders}): a view that keeps a
 * child's text in clear replaces it with what it now reads as, so that the erasure reaches it too.
 */
public interface ErasedChildren {

    /** {@code childId}'s keys were destroyed at {@code erasedAt}, for {@code reason}; may be told again. */
    void erased(String childId, Instant erasedAt, String reason);
}
