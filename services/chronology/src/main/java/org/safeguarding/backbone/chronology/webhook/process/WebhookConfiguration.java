package org.safeguarding.backbone.chronology.webhook.process;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Webhooks as configured ({@code backbone.webhooks}), and the schedule their dispatcher runs on. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@EnableConfigurationProperties(WebhookSettings.class)
class WebhookConfiguration {

    @Bean
    WebhookDestinations webhookDestinations(WebhookSettings settings) {
        return new WebhookDestinations(settings);
    }
}
