package org.safeguarding.backbone.transitions.storedevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.AxonTimeLimits;
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
 * stored still loads as the same values. Its own, empty event store.
 */
@SpringBootTest(
        properties = "spring.datasource.url=jdbc:h2:mem:transitions-stored-events-${random.uuid};DB_CLOSE_DELAY=-1")
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoredEventNamesTest {

    private static final String FIXTURE_0_1 = "/stored-events/transitions-0.1.json";

    /** Every name this service has ever stored an event under. A name is never removed from this list. */
    private static final List<String> PINNED = List.of(
            "org.safeguarding.backbone.transitions.transfer.api.TransferEvents$ChildTransferred",
            "transitions.TransferProposed",
            "transitions.ClosureConsultationOpened",
            "transitions.ClosureConsultationAnswered",
            "transitions.ClosureConsultationNoReply",
            "transitions.ClosureConcernAnswered",
            "transitions.ClosureConcernOverridden",
            "transitions.CaseClosed",
            "transitions.TransferPackageSent",
            "transitions.TransferPackageAcknowledged",
            "transitions.TransferPackageOverdue");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired StoredEventNames names;
    @Autowired ApplicationContext context;
    @Autowired @Qualifier("eventSerializer") Serializer serializer;
    @Autowired EventStore events;
    @Autowired JdbcTemplate jdbc;

    @Test
    void everyEventTheServiceStoresHasAPinnedName() {
        StoredEventChecks.everyEventHasAPinnedName(names, "org.safeguarding.backbone.transitions");
    }

    @Test
    void theNamesArePinned_andIncludeEveryNameStoredBefore() {
        StoredEventChecks.namesArePinned(names, serializer, PINNED, FIXTURE_0_1);
    }

    @Test
    void eventsStoredByVersion0_1LoadAsTheSameValues() {
        StoredEventFixture.insert(jdbc, StoredEventFixture.read(FIXTURE_0_1));

        assertThat(StoredEventChecks.payloads(events, StoredEventSamples.TRANSFER))
                .containsExactlyElementsOf(StoredEventSamples.transfer());
    }

    /** Issue 11: a time limit on each unit of work, none again on each handler within it (application.yml). */
    @Test
    void eachUnitOfWorkIsLimitedInTime_andTheHandlersWithinItAreNotLimitedAgain() {
        AxonTimeLimits.assertLimitedPerUnitOfWorkOnly(context);
    }
}
