package org.safeguarding.backbone.chronology.config;

import org.safeguarding.backbone.chronology.retention.api.RetentionEvents;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents;
import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The names this service's events (reviews, and holds on and erasure of a child's records) are stored under, for ever (ADR 0007). Checked by StoredEventNamesTest. */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfiguration {

    @Bean
    StoredEventNames chronologyStoredEvents() {
        return StoredEventNames.builder()
                .event(ReviewEvents.ReviewOpened.class, "chronology.ReviewOpened")
                .event(ReviewEvents.ReviewClosed.class, "chronology.ReviewClosed")
                .event(RetentionEvents.LegalHoldPlaced.class, "chronology.LegalHoldPlaced")
                .event(RetentionEvents.LegalHoldReleased.class, "chronology.LegalHoldReleased")
                .event(RetentionEvents.ChildContentErased.class, "chronology.ChildContentErased")
                .build();
    }
}
