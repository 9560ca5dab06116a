package org.safeguarding.backbone.transitions.config;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.ErasedChildren;
import org.safeguarding.backbone.messaging.rebuild.ViewRebuilds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A child's records erased (R18): the child's moves and closure consultations in this service's views are written
 * again from the event store, where what was said now reads as erased, with its date; and the purpose of each share
 * held about the child (copied from the referrals topic for transfer packages) reads the same. In one transaction.
 */
@Component
class ErasedTransitionViews implements ErasedChildren {

    private final JdbcTemplate jdbc;
    private final ViewRebuilds views;
    private final TransactionTemplate transaction;

    ErasedTransitionViews(JdbcTemplate jdbc, ViewRebuilds views, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.views = views;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void erased(String childId, Instant erasedAt, String reason) {
        transaction.executeWithoutResult(status -> {
            List<String> aggregates = new ArrayList<>(jdbc.queryForList(
                    "select transfer_id from transfer_view where child_id = ?", String.class, childId));
            aggregates.addAll(jdbc.queryForList("select consultation_id from consultation_view where child_id = ?",
                    String.class, childId));
            jdbc.update("delete from consultation_view_consultee where consultation_id in (select consultation_id "
                    + "from consultation_view where child_id = ?)", childId);
            jdbc.update("delete from consultation_view where child_id = ?", childId);
            jdbc.update("delete from transfer_view where child_id = ?", childId);
            views.replay(aggregates, "transfer-view", "consultation-view");
            jdbc.update("update held_share set purpose = ? where child_id = ? and shared_at <= ?",
                    Sealing.erasedText(new ChildKeys.Erased(null, childId, erasedAt, reason)), childId,
                    erasedAt.atOffset(ZoneOffset.UTC));
        });
    }
}
