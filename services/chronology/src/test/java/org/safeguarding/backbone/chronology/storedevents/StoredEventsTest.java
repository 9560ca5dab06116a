package org.safeguarding.backbone.chronology.storedevents;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.serialization.Serializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.AxonTimeLimits;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents.ReviewClosed;
import org.safeguarding.backbone.chronology.review.api.ReviewEvents.ReviewOpened;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.StoredEventChecks;
import org.safeguarding.backbone.chronology.retention.api.RetentionEvents;
import org.safeguarding.backbone.kernel.childkeys.LegalHold;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The events the chronology stores (its reviews, from version 0.2; holds on and erasure of a child's records, from
 * 0.3): each has a pinned name, the names are the listed ones, and each is published (reviews, chronology topics) (ADR 0007; IntegrationMappingTest of the other services).
 */
@SpringBootTest
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class StoredEventsTest {

    /** Every name this service has ever stored an event under. A name is never removed from this list. */
    private static final List<String> PINNED = List.of("chronology.ReviewOpened", "chronology.ReviewClosed",
            "chronology.LegalHoldPlaced", "chronology.LegalHoldReleased", "chronology.ChildContentErased");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired StoredEventNames names;
    @Autowired ApplicationContext context;
    @Autowired @Qualifier("eventSerializer") Serializer serializer;
    @Autowired List<IntegrationEventMapper> mappers;

    static List<Object> samples() {
        Instant at = Instant.parse("2026-11-25T10:00:00Z");
        return List.of(
                new ReviewOpened("r-1", "9990000018", "partnership-a", "partnership-a", "Reviewer (synthetic)",
                        "Rapid review", "Children Act 2004 s.16C", LocalDate.parse("2026-01-01"),
                        LocalDate.parse("2026-11-24"), at.plusSeconds(86_400), at),
                new ReviewClosed("r-1", "9990000018", "partnership-a", "partnership-a", true, "Stood down", at),
                new RetentionEvents.LegalHoldPlaced("9990000018", "h-1", "partnership-a", LegalHold.Purpose.REVIEW,
                        "CSPR-0001", at),
                new RetentionEvents.LegalHoldReleased("9990000018", "h-1", "partnership-a", "partnership-a",
                        "Review published", at),
                new RetentionEvents.ChildContentErased("9990000018", "e-1", "operator", "retention ended", at));
    }

    @Test
    void everyEventTheServiceStoresHasAPinnedName_theListedOne() {
        StoredEventChecks.everyEventHasAPinnedName(names, "org.safeguarding.backbone.chronology");
        assertThat(names.asMap().values()).containsExactlyInAnyOrderElementsOf(PINNED);
        names.asMap().forEach((type, name) ->
                assertThat(serializer.typeForClass(type).getName()).as("stored name of %s", type).isEqualTo(name));
    }

    @Test
    void everyEventIsPublished_orMarkedInternal() {
        StoredEventChecks.everyEventIsPublishedOrInternal(mappers, samples(), "org.safeguarding.backbone.chronology");
    }

    /** Issue 11: a time limit on each unit of work, none again on each handler within it (application.yml). */
    @Test
    void eachUnitOfWorkIsLimitedInTime_andTheHandlersWithinItAreNotLimitedAgain() {
        AxonTimeLimits.assertLimitedPerUnitOfWorkOnly(context);
    }
}
