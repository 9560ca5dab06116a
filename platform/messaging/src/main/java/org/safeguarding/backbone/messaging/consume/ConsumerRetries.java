package org.safeguarding.backbone.messaging.consume;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.kernel.outage.Outages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.listener.RetryListener;

/**
 * What this service's consumers are failing on, for the operators: each record being tried again (where, since when,
 * how many times, why) and each record sent to a dead-letter topic. Logged as it happens (a warning for each retry,
 * an error for each dead letter) and kept for the metrics ({@code backbone.consumer.records.retrying},
 * {@code backbone.consumer.dead.letters}). The logs name a record by topic, partition and offset only: its key is a
 * child's NHS number, and its content is the child's data.
 */
public class ConsumerRetries implements RetryListener {

    private static final Logger LOG = LoggerFactory.getLogger(ConsumerRetries.class);

    /** A record being tried again. {@code reason} is {@link Outages#describe}: classes and codes, never data. */
    public record Retrying(String topic, int partition, long offset, int attempts, Instant failingSince,
                           Instant lastFailedAt, String reason) {
    }

    private final Map<String, Retrying> retrying = new ConcurrentHashMap<>();
    private final AtomicLong deadLetters = new AtomicLong();
    private final Duration forgetAfter;
    private final Clock clock;

    /**
     * @param forgetAfter a record not failing again within this long has succeeded (or moved elsewhere): more than
     *                    the longest pause between attempts
     */
    public ConsumerRetries(Duration forgetAfter, Clock clock) {
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    @Override
    public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int attempt) {
        Instant now = clock.instant();
        String key = where(record);
        Retrying before = retrying.get(key);
        if (ConsumerFailures.canNeverSucceed(failure)) {
            retrying.remove(key);
            return;
        }
        Retrying current = new Retrying(record.topic(), record.partition(), record.offset(), attempt,
                before == null ? now : before.failingSince(), now, Outages.describe(failure));
        retrying.put(key, current);
        LOG.warn("Could not act on the record at {} (attempt {}, failing since {}): {}. It is tried again after a "
                        + "pause; nothing after it on its partition is acted on until it succeeds.", key, attempt,
                current.failingSince(), current.reason());
    }

    @Override
    public void recovered(ConsumerRecord<?, ?> record, Exception failure) {
        String key = where(record);
        retrying.remove(key);
        deadLetters.incrementAndGet();
        LOG.error("The record at {} can never be acted on as it is ({}): sent to {} with the reason in its headers. "
                        + "Once the cause is fixed, send it back with ./run replay-dead-letters {} "
                        + "(docs/reliability.md).", key, Outages.describe(failure),
                record.topic() + Topics.DEAD_LETTER_SUFFIX, record.topic());
    }

    @Override
    public void recoveryFailed(ConsumerRecord<?, ?> record, Exception original, Exception failure) {
        LOG.error("The record at {} could not be sent to its dead-letter topic ({}); it is tried again.",
                where(record), Outages.describe(failure));
    }

    /** A record as the logs name it: topic, partition and offset, never its key (a child's NHS number). */
    private static String where(ConsumerRecord<?, ?> record) {
        return record.topic() + "-" + record.partition() + "@" + record.offset();
    }

    /** The records failing now, longest failing first. */
    public List<Retrying> retrying() {
        Instant recent = clock.instant().minus(forgetAfter);
        retrying.values().removeIf(r -> r.lastFailedAt().isBefore(recent));
        return retrying.values().stream().sorted(Comparator.comparing(Retrying::failingSince)).toList();
    }

    /** How long the longest-failing record has been failing; zero when none is. */
    public Duration longestFailing() {
        return retrying().stream().findFirst().map(oldest -> Duration.between(oldest.failingSince(), clock.instant()))
                .orElse(Duration.ZERO);
    }

    /** Records sent to a dead-letter topic since this service started. */
    public long deadLetters() {
        return deadLetters.get();
    }
}
