package org.safeguarding.backbone.messaging.publish;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.safeguarding.backbone.kernel.outage.Outages;
import org.safeguarding.backbone.kernel.publish.Publication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionTemplate;

/** {@link Publication} for a service whose publisher is {@link KafkaIntegrationPublisher}. */
public class PublisherOperations implements Publication {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherOperations.class);

    private final PublisherFailures failures;
    private final ParkedEvents parked;
    private final KafkaIntegrationPublisher publisher;
    private final EventStore events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    public PublisherOperations(PublisherFailures failures, ParkedEvents parked, KafkaIntegrationPublisher publisher,
                               EventStore events, TransactionTemplate transaction, Clock clock) {
        this.failures = failures;
        this.parked = parked;
        this.publisher = publisher;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    @Override
    public Optional<Stuck> stuck() {
        return failures.stuck();
    }

    @Override
    public List<Parked> parked() {
        return parked.all();
    }

    @Override
    public Parked park(String eventId, String operator) {
        Stuck stuck = failures.stuck().filter(s -> s.eventId().equals(eventId))
                .orElseThrow(() -> new NotStuck(eventId));
        Optional<Parked> already = parked.find(eventId);
        if (already.isPresent()) {
            return already.get();
        }
        Parked done = transaction.execute(status -> parked.park(stuck, operator, clock.instant()));
        LOG.warn("{} parked event {} ({}, aggregate {} #{}), which the publisher could not publish ({}): it goes on "
                        + "without it; the event is not on Kafka until republished.", operator, eventId,
                stuck.eventType(), stuck.aggregateId(), stuck.sequence(), stuck.reason());
        return done;
    }

    @Override
    public Parked republish(String eventId, String operator) {
        Parked waiting = parked.find(eventId).filter(p -> p.republishedAt() == null)
                .orElseThrow(() -> new NotParked(eventId));
        DomainEventMessage<?> event = events.readEvents(waiting.aggregateId(), waiting.sequence())
                .asStream().filter(e -> e.getIdentifier().equals(eventId)).findFirst()
                .orElseThrow(() -> new NotParked(eventId));
        try {
            publisher.publish(event);
        } catch (Exception e) {
            if (Outages.isOutage(e)) {
                throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
            }
            throw new NotPublishable(eventId, Outages.describe(e));
        }
        transaction.executeWithoutResult(status -> parked.republished(eventId, operator, clock.instant()));
        LOG.info("{} republished parked event {} ({}): it is on Kafka now.", operator, eventId, waiting.eventType());
        return parked.find(eventId).orElseThrow();
    }
}
