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
     * @param practitioner who read for {@code agency}, as its token named them; null where it named nobody
     * @param resource what was read, named by the service: {@code referrals:share:<id>}
     * @param granted  whether the read was granted; a refused one has no basis
     * @param basis    why it was granted ({@code PARTY}, {@code LEAD_AGENCY}); null in reads recorded before the
     *                 services said, which were all by parties
     */
    @Transactional
    public void read(String id, String childId, String agency, String practitioner, String resource, Instant at,
                     boolean granted, String basis) {
        if (!access.existsById(id)) {
            ReadBasis granting = !granted ? null
                    : ReadBasis.LEAD_AGENCY.name().equals(basis) ? ReadBasis.LEAD_AGENCY : ReadBasis.PARTY;
            access.save(new ChronologyAccess(id, childId, agency, practitioner, resource, at, granting, null));
        }
    }
}
