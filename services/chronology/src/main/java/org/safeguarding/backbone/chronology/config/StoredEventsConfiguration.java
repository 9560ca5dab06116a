package org.safeguarding.backbone.chronology.config;

import org.safeguarding.backbone.chronology.review.api.ReviewEvents;
import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The names this service's events (reviews) are stored under, for ever (ADR 0007). Checked by StoredEventNamesTest. */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfiguration {

    @Bean
    StoredEventNames chronologyStoredEvents() {
        return StoredEventNames.builder()
                .event(ReviewEvents.ReviewOpened.class, "chronology.ReviewOpened")
                .event(ReviewEvents.ReviewClosed.class, "chronology.ReviewClosed")
                .build();
    }
}
