package org.safeguarding.backbone.feedback.storedevents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.AxonTimeLimits;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.command.OwedFeedback;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.StoredEventChecks;
import org.safeguarding.backbone.testsupport.StoredEventFixture;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Every event this service stores has a pinned name; the names include every name version 0.1 stored; and what 0.1
 * stored still loads, as the same values, into an aggregate that goes on working. Its own, empty event store.
 */
@SpringBootTest(
        properties = "spring.datasource.url=jdbc:h2:mem:feedback-stored-events-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoredEventNamesTest {

    private static final String FIXTURE_0_1 = "/stored-events/feedback-0.1.json";

    /** Every name this service has ever stored an event under. A name is never removed from this list. */
    private static final List<String> PINNED = List.of(
            "org.safeguarding.backbone.feedback.owed.api.FeedbackEvents$FeedbackRequested",
            "org.safeguarding.backbone.feedback.owed.api.FeedbackEvents$FeedbackGiven",
            "feedback.FeedbackOverdue",
            "feedback.FeedbackEscalated",
            "feedback.FeedbackChallenged",
            "feedback.FeedbackChallengeAnswered",
            "feedback.FeedbackChallengeOverdue",
            "feedback.FeedbackChallengeEscalated",
            "feedback.FeedbackChallengeResolved");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired StoredEventNames names;
    @Autowired ApplicationContext context;
    @Autowired @Qualifier("eventSerializer") Serializer serializer;
    @Autowired EventStore events;
    @Autowired CommandGateway commands;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyEventTheServiceStoresHasAPinnedName() {
        StoredEventChecks.everyEventHasAPinnedName(names, "org.safeguarding.backbone.feedback");
    }

    @Test
    void theNamesArePinned_andIncludeEveryNameStoredBefore() {
        StoredEventChecks.namesArePinned(names, serializer, PINNED, FIXTURE_0_1);
    }

    @Test
    void eventsStoredByVersion0_1LoadAsTheSameValues_andTheirAggregateGoesOn() {
        StoredEventFixture.insert(jdbc, StoredEventFixture.read(FIXTURE_0_1));

        assertThat(payloads(StoredEventSamples.FEEDBACK)).containsExactlyElementsOf(StoredEventSamples.feedback());
        // rebuilt from its 0.1 history, the feedback knows who owes it
        assertThatThrownBy(() -> give("school-a")).isInstanceOf(OwedFeedback.NotOwedBy.class);
        give("csc-a");
        assertThat(payloads(StoredEventSamples.FEEDBACK)).hasSize(StoredEventSamples.feedback().size() + 1);
    }

    private void give(String agency) {
        CorrelatedCommands.sendAndWait(commands, new GiveFeedback(StoredEventSamples.FEEDBACK, agency,
                "Assessment completed", "Child in need plan", Instant.now()), Map.of("correlationId", "stored-0.1"));
    }

    private List<Object> payloads(String aggregate) {
        return StoredEventChecks.payloads(events, aggregate);
    }

    /** Issue 11: a time limit on each unit of work, none again on each handler within it (application.yml). */
    @Test
    void eachUnitOfWorkIsLimitedInTime_andTheHandlersWithinItAreNotLimitedAgain() {
        AxonTimeLimits.assertLimitedPerUnitOfWorkOnly(context);
    }
}
