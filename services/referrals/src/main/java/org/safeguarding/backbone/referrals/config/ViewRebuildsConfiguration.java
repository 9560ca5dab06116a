package org.safeguarding.backbone.referrals.config;

import org.safeguarding.backbone.kernel.rebuild.Rebuild;
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
}
