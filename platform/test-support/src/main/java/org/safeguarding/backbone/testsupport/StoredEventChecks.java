package org.safeguarding.backbone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.Serializer;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.safeguarding.backbone.testsupport.architecture.EventFamilies;

/**
 * The checks every event-sourced service makes of what it stores (ADR 0007) and publishes: each service's tests
 * give their own pinned names, samples and fixture, and these say whether they hold.
 */
public final class StoredEventChecks {

    private StoredEventChecks() {
    }

    /** Every event of the service's sealed {@code *Events} interfaces is listed in its stored-name table. */
    public static void everyEventHasAPinnedName(StoredEventNames names, String basePackage) {
        assertThat(names.asMap().keySet()).as("events without a pinned stored name (StoredEventsConfiguration)")
                .containsExactlyInAnyOrderElementsOf(EventFamilies.events(basePackage));
    }

    /**
     * The table's names are exactly {@code pinned} (a name is never removed), every name in the fixture of an
     * earlier version is among them, and the serializer writes each event under its pinned name.
     */
    public static void namesArePinned(StoredEventNames names, Serializer eventSerializer, List<String> pinned,
                                      String earlierFixture) {
        assertThat(names.asMap().values()).containsExactlyInAnyOrderElementsOf(pinned);
        assertThat(StoredEventFixture.read(earlierFixture)).extracting(StoredEventFixture.Row::payloadType)
                .allSatisfy(stored -> assertThat(pinned).contains(stored));
        names.asMap().forEach((type, name) -> assertThat(eventSerializer.typeForClass(type).getName())
                .as("stored name of %s", type).isEqualTo(name));
    }

    /** The events stored for {@code aggregate}, read back through the event store, in order. */
    public static List<Object> payloads(EventStore events, String aggregate) {
        return events.readEvents(aggregate).asStream().map(DomainEventMessage::getPayload)
                .map(Object.class::cast).toList();
    }

    /**
     * {@code samples} hold one of every event of the service, and each is either published by exactly one of its
     * {@code mappers} or declared internal by one: a new event nobody maps would never reach another service.
     */
    public static void everyEventIsPublishedOrInternal(List<IntegrationEventMapper> mappers, List<?> samples,
                                                       String basePackage) {
        assertThat(samples.stream().map(Object::getClass).distinct().toList())
                .as("add a sample of each new event to the service's StoredEventSamples")
                .containsExactlyInAnyOrderElementsOf(EventFamilies.events(basePackage));
        for (Object sample : samples) {
            boolean internal = mappers.stream().anyMatch(m -> m.internalEvents().contains(sample.getClass()));
            long published = mappers.stream()
                    .filter(m -> m.map(GenericEventMessage.asEventMessage(sample)
                            .andMetaData(Map.of("correlationId", "mapping-check"))).isPresent())
                    .count();
            assertThat(internal || published == 1)
                    .as("%s is mapped by %d mappers and %s internal: map it in its feature's integration mapper, "
                            + "or list it in internalEvents()", sample.getClass().getName(), published,
                            internal ? "is" : "is not")
                    .isTrue();
        }
    }
}
