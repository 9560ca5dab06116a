package org.safeguarding.backbone.feedback.config;

import java.util.List;
import org.safeguarding.backbone.kernel.rebuild.Rebuild;
import org.safeguarding.backbone.messaging.childkeys.ErasedChildren;
import org.safeguarding.backbone.messaging.rebuild.ViewRebuilds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * This service's own views, each rebuilt from its event store by an operator ({@code ./run rebuild <name>}): its
 * processing group, and every table its event handlers write (ADR 0012).
 */
@Configuration(proxyBeanMethods = false)
class ViewRebuildsConfiguration {

    @Bean
    Rebuild feedbackViewRebuild(ViewRebuilds views) {
        return views.of("feedback-view", "feedback_view", "feedback_challenge_view");
    }

    /**
     * A child's records erased (R18): the child's feedback and challenges, which keep what was said in clear, are
     * written again from the event store, where it now reads as erased; who owes whom, and when, stay as they were.
     */
    @Bean
    ErasedChildren erasedFeedbackViews(ViewRebuilds views) {
        return views.rewrittenOnErasure(List.of("select feedback_id from feedback_view where child_id = ?"),
                List.of("delete from feedback_challenge_view where feedback_id in (select feedback_id from "
                                + "feedback_view where child_id = ?)",
                        "delete from feedback_view where child_id = ?"),
                "feedback-view");
    }
}
