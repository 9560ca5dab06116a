package org.safeguarding.backbone.messaging.publish;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.kernel.outage.Outages;
import org.safeguarding.backbone.kernel.publish.Publication.Stuck;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event the publisher keeps failing on, if any, for the operators: logged as an error on the first failure and
 * every tenth after it, with what to do; a gauge of how long it has been stuck; {@code GET /operator/publisher}.
 * The publisher tries it again for ever (Axon's tracking processor, pausing up to a minute between attempts): only an
 * operator decides that it can never be published, and parks it ({@link ParkedEvents}).
 */
public class PublisherFailures {

    private static final Logger LOG = LoggerFactory.getLogger(PublisherFailures.class);

    private final Clock clock;
    private volatile Stuck stuck;

    public PublisherFailures(Clock clock) {
        this.clock = clock;
    }

    void failed(EventMessage<?> event, Throwable failure) {
        Instant now = clock.instant();
        Stuck before = stuck;
        boolean same = before != null && before.eventId().equals(event.getIdentifier());
        String aggregate = event instanceof DomainEventMessage<?> domain ? domain.getAggregateIdentifier() : "";
        long sequence = event instanceof DomainEventMessage<?> domain ? domain.getSequenceNumber() : -1;
        Stuck current = new Stuck(event.getIdentifier(), event.getPayloadType().getName(), aggregate, sequence,
                same ? before.attempts() + 1 : 1, same ? before.failingSince() : now, now, Outages.describe(failure));
        stuck = current;
        if (current.attempts() % 10 == 1) {
            LOG.error("The publisher has failed {} time(s) since {} to publish event {} ({}, aggregate {} #{}): {}. "
                            + "Nothing stored after it reaches Kafka until it is published; it is tried again. {}",
                    current.attempts(), current.failingSince(), current.eventId(), current.eventType(), aggregate, sequence,
                    current.reason(), Outages.isOutage(failure)
                            ? "The broker or the registry looks unreachable: it will go on once they are back."
                            : "If it can never be published (too large, refused by the registry), an operator parks "
                                    + "it: POST /operator/publisher/parked {\"eventId\": \"" + current.eventId()
                                    + "\"} (docs/reliability.md).");
        }
    }

    void succeeded(EventMessage<?> event) {
        Stuck before = stuck;
        if (before != null && before.eventId().equals(event.getIdentifier())) {
            stuck = null;
            LOG.info("The publisher published event {} after {} failed attempt(s); it goes on.", before.eventId(),
                    before.attempts());
        }
    }

    /** The event the publisher is failing on now. */
    public Optional<Stuck> stuck() {
        return Optional.ofNullable(stuck);
    }

    /** How long the publisher has been failing on one event; zero when it is not. */
    public Duration stuckFor() {
        Stuck now = stuck;
        return now == null ? Duration.ZERO : Duration.between(now.failingSince(), clock.instant());
    }
}
