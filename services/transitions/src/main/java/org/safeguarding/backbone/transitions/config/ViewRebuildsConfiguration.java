package org.safeguarding.backbone.transitions.config;

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
    Rebuild transferViewRebuild(ViewRebuilds views) {
        return views.of("transfer-view", "transfer_view");
    }

    @Bean
    Rebuild consultationViewRebuild(ViewRebuilds views) {
        return views.of("consultation-view", "consultation_view", "consultation_view_consultee");
    }
}
