package org.safeguarding.backbone.chronology.timeline.query;

import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Puts reads of a child's data on the other services (a share, a request, feedback, a transfer) in the child's access
 * log, beside the reads of the chronology itself. A read already recorded (the same id, redelivered) changes nothing.
 */
@Component
public class AccessProjection {

    private final ChronologyAccessRepository access;

    AccessProjection(ChronologyAccessRepository access) {
        this.access = access;
    }

    /**
     * @param resource what was read, named by the service: {@code referrals:share:<id>}
     * @param granted  a granted read of a record is by a party to it; a refused one has no basis
     */
    @Transactional
    public void read(String id, String childId, String agency, String resource, Instant at, boolean granted) {
        if (!access.existsById(id)) {
            access.save(new ChronologyAccess(id, childId, agency, resource, at, granted ? ReadBasis.PARTY : null,
                    null));
        }
    }
}
