package org.safeguarding.backbone.feedback.config;

import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.messaging.childkeys.ErasedChildren;
import org.safeguarding.backbone.messaging.rebuild.ViewRebuilds;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A child's records erased (R18): the child's feedback and challenges in this service's view, which keep what was
 * said in clear, are written again from the event store, where it now reads as erased, with its date; who owes
 * whom, and when, stay as they were. In one transaction.
 */
@Component
class ErasedFeedbackViews implements ErasedChildren {

    private final JdbcTemplate jdbc;
    private final ViewRebuilds views;
    private final TransactionTemplate transaction;

    ErasedFeedbackViews(JdbcTemplate jdbc, ViewRebuilds views, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.views = views;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public void erased(String childId, Instant erasedAt, String reason) {
        transaction.executeWithoutResult(status -> {
            List<String> feedback = jdbc.queryForList("select feedback_id from feedback_view where child_id = ?",
                    String.class, childId);
            jdbc.update("delete from feedback_challenge_view where feedback_id in (select feedback_id from "
                    + "feedback_view where child_id = ?)", childId);
            jdbc.update("delete from feedback_view where child_id = ?", childId);
            views.replay(feedback, "feedback-view");
        });
    }
}
