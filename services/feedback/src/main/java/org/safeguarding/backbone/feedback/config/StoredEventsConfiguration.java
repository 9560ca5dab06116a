package org.safeguarding.backbone.feedback.config;

import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents;
import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names this service's events are stored under, for ever (ADR 0007): version 0.1's class names stay, wherever
 * the classes move; a new event gets a short name ({@code feedback.<EventName>}). Checked by StoredEventNamesTest.
 */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfiguration {

    private static final String FEEDBACK_0_1 = "org.safeguarding.backbone.feedback.owed.api.FeedbackEvents$";

    @Bean
    StoredEventNames feedbackStoredEvents() {
        return StoredEventNames.builder()
                .event(FeedbackEvents.FeedbackRequested.class, FEEDBACK_0_1 + "FeedbackRequested")
                .event(FeedbackEvents.FeedbackGiven.class, FEEDBACK_0_1 + "FeedbackGiven")
                .event(FeedbackEvents.FeedbackOverdue.class, "feedback.FeedbackOverdue")
                .event(FeedbackEvents.FeedbackEscalated.class, "feedback.FeedbackEscalated")
                .event(FeedbackEvents.FeedbackChallenged.class, "feedback.FeedbackChallenged")
                .event(FeedbackEvents.FeedbackChallengeAnswered.class, "feedback.FeedbackChallengeAnswered")
                .event(FeedbackEvents.FeedbackChallengeOverdue.class, "feedback.FeedbackChallengeOverdue")
                .event(FeedbackEvents.FeedbackChallengeEscalated.class, "feedback.FeedbackChallengeEscalated")
                .event(FeedbackEvents.FeedbackChallengeResolved.class, "feedback.FeedbackChallengeResolved")
                .build();
    }
}
