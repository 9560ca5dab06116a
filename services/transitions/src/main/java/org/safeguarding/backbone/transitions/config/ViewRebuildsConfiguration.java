package org.safeguarding.backbone.transitions.config;

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
    Rebuild transferViewRebuild(ViewRebuilds views) {
        return views.of("transfer-view", "transfer_view");
    }

    @Bean
    Rebuild consultationViewRebuild(ViewRebuilds views) {
        return views.of("consultation-view", "consultation_view", "consultation_view_consultee");
    }

    /**
     * A child's records erased (R18): the child's moves and closure consultations are written again from the event
     * store, where what was said now reads as erased (the shares held for transfer packages: HeldShareProjection).
     */
    @Bean
    ErasedChildren erasedTransitionViews(ViewRebuilds views) {
        return views.rewrittenOnErasure(List.of(
                        "select transfer_id from transfer_view where child_id = ?",
                        "select consultation_id from consultation_view where child_id = ?"),
                List.of("delete from consultation_view_consultee where consultation_id in (select consultation_id "
                                + "from consultation_view where child_id = ?)",
                        "delete from consultation_view where child_id = ?",
                        "delete from transfer_view where child_id = ?"),
                "transfer-view", "consultation-view");
    }
}
