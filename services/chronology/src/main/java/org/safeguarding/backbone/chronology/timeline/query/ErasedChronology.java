package org.safeguarding.backbone.chronology.timeline.query;

import java.time.Instant;
import java.time.ZoneOffset;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.ErasedChildren;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A child's records erased (R18): each act in the child's chronology recorded up to then keeps its kind, agencies
 * and times, and its summary (which quotes what was said) reads as erased, saying when. Acts that arrive or are
 * rebuilt later are kept the same way ({@link ChronologyProjection}).
 */
@Component
class ErasedChronology implements ErasedChildren {

    private final JdbcTemplate jdbc;

    ErasedChronology(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void erased(String childId, Instant erasedAt, String reason) {
        String erased = Sealing.erasedText(new ChildKeys.Erased(null, childId, erasedAt, reason));
        jdbc.update("update chronology_entry set summary = ? where child_id = ? and recorded_at <= ?", erased,
                childId, erasedAt.atOffset(ZoneOffset.UTC));
    }
}
