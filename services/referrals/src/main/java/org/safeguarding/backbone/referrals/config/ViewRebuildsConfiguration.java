package org.safeguarding.backbone.referrals.config;

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
    Rebuild shareViewRebuild(ViewRebuilds views) {
        return views.of("share-view", "share_view", "share_view_recipient", "share_view_thread",
                "share_view_correction", "share_view_verification");
    }

    @Bean
    Rebuild requestViewRebuild(ViewRebuilds views) {
        return views.of("request-view", "request_view");
    }

    @Bean
    Rebuild decisionViewRebuild(ViewRebuilds views) {
        return views.of("decision-view", "decision_view");
    }

    /**
     * A child's records erased (R18): the child's shares, requests and decisions in these views, which keep what was
     * said in clear, are written again from the event store, where it now reads as erased, with its date; who, when
     * and where each stands are as they were.
     */
    @Bean
    ErasedChildren erasedReferralViews(ViewRebuilds views) {
        return views.rewrittenOnErasure(List.of(
                        "select share_id from share_view where child_id = ?",
                        "select request_id from request_view where child_id = ?",
                        "select decision_id from decision_view where child_id = ?"),
                List.of("delete from share_view_recipient where share_id in (select share_id from share_view "
                                + "where child_id = ?)",
                        "delete from share_view_thread where share_id in (select share_id from share_view "
                                + "where child_id = ?)",
                        "delete from share_view_correction where share_id in (select share_id from share_view "
                                + "where child_id = ?)",
                        "delete from share_view_verification where share_id in (select share_id from share_view "
                                + "where child_id = ?)",
                        "delete from share_view where child_id = ?",
                        "delete from request_view where child_id = ?",
                        "delete from decision_view where child_id = ?"),
                "share-view", "request-view", "decision-view");
    }
}
