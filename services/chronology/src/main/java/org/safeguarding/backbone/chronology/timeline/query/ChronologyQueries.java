package org.safeguarding.backbone.chronology.timeline.query;

import java.time.Clock;
import java.util.List;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading a child's chronology: only agencies involved with the child, and every attempt is recorded. */
@Service
public class ChronologyQueries {

    private final ChronologyEntryRepository entries;
    private final ChildInvolvementRepository involvement;
    private final ChronologyAccessRepository access;

    ChronologyQueries(ChronologyEntryRepository entries, ChildInvolvementRepository involvement,
                      ChronologyAccessRepository access) {
        this.entries = entries;
        this.involvement = involvement;
        this.access = access;
    }

    /** The child's entries in the order things happened, or NotInvolved (recorded, then refused). */
    @Transactional(noRollbackFor = NotInvolved.class)
    public List<ChronologyEntry> forChild(String childId, String agency) {
        boolean involved = involvement.existsById(new ChildInvolvement.Key(childId, agency));
        access.save(new ChronologyAccess(childId, agency, Clock.systemUTC().instant(), involved));
        if (!involved) {
            throw new NotInvolved(childId, agency);
        }
        return entries.findByChildIdOrderByOccurredAtAscRecordedAtAscEventIdAsc(childId);
    }

    /** R10: a chronology is for the agencies involved with the child (reviewers, with a recorded reason, later). */
    public static final class NotInvolved extends RuleViolation {
        NotInvolved(String childId, String agency) {
            super(Kind.FORBIDDEN, "not-involved-with-child", "Agency " + agency
                    + " has not been involved with child " + childId + " and may not read the child's chronology.",
                    null);
        }
    }
}
