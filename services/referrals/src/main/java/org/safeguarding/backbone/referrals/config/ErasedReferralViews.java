package org.safeguarding.backbone.referrals.config;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.backbone.messaging.childkeys.ErasedChildren;
import org.safeguarding.backbone.messaging.rebuild.ViewRebuilds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A child's records erased (R18): the child's rows in this service's views (shares, requests, decisions), which keep
 * what was said in clear, are written again from the event store, where that text now reads as erased, with its
 * date; everything else in them (who, when, where each share stands) is as it was. In one transaction.
 */
@Component
class ErasedReferralViews implements ErasedChildren {

    private static final String[] VIEWS = {"share-view", "request-view", "decision-view"};

    private final JdbcTemplate jdbc;
    private final ViewRebuilds views;
    private final TransactionTemplate transaction;

    ErasedReferralViews(JdbcTemplate jdbc, ViewRebuilds views, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.views = views;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void erased(String childId, Instant erasedAt, String reason) {
        transaction.executeWithoutResult(status -> {
            List<String> shares = jdbc.queryForList("select share_id from share_view where child_id = ?",
                    String.class, childId);
            List<String> aggregates = new ArrayList<>(shares);
            aggregates.addAll(jdbc.queryForList("select request_id from request_view where child_id = ?",
                    String.class, childId));
            aggregates.addAll(jdbc.queryForList("select decision_id from decision_view where child_id = ?",
                    String.class, childId));
            for (String table : List.of("share_view_recipient", "share_view_thread", "share_view_correction",
                    "share_view_verification")) {
                jdbc.update("delete from " + table + " where share_id in (select share_id from share_view "
                        + "where child_id = ?)", childId);
            }
            for (String table : List.of("share_view", "request_view", "decision_view")) {
                jdbc.update("delete from " + table + " where child_id = ?", childId);
            }
            views.replay(aggregates, VIEWS);
        });
    }
}
