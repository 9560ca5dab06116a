package org.safeguarding.backbone.localinfra;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.function.Function;
import org.safeguarding.backbone.contracts.Topics;

/**
 * How long Kafka keeps the records of each kind of topic ({@code retention.ms}), so that no topic keeps everything
 * for ever (issue 12, docs/reliability.md "Retention"). Each period is a setting, read from {@code
 * backbone.kafka.retention.<kind>} as an ISO-8601 duration; the defaults:
 * <ul>
 *   <li>{@code events} (the services' topics, the access log's and the patterns'): {@value #EVENTS_DEFAULT}, as long
 *       as a child's record is kept, because the chronology is rebuilt from these topics from the beginning. Erasing
 *       one child's content within that period is by destroying the child's key, not by deleting records.</li>
 *   <li>{@code inbound} (each agency's inbound topic): {@value #INBOUND_DEFAULT}; a request taken is in the referrals
 *       service's event store, and its answer on the agency's feed.</li>
 *   <li>{@code feeds} (each agency's feed): {@value #FEEDS_DEFAULT}; an agency system away for longer reads its
 *       records over HTTP.</li>
 *   <li>{@code dead-letters} (every {@code .dlt} topic): {@value #DEAD_LETTERS_DEFAULT}, the time an operator has to
 *       fix the cause and replay them (alerted by {@code backbone.consumer.dead.letters}).</li>
 * </ul>
 * Any other topic gets the broker's default (seven days on the local broker).
 */
public record TopicRetention(Duration events, Duration inbound, Duration feeds, Duration deadLetters) {

    /** Twenty-five years of 365.25 days. */
    static final String EVENTS_DEFAULT = "P9131D";
    static final String INBOUND_DEFAULT = "P7D";
    static final String FEEDS_DEFAULT = "P30D";
    static final String DEAD_LETTERS_DEFAULT = "P90D";

    /** The setting a period is read from: {@code backbone.kafka.retention.} and the kind. */
    public static final String PREFIX = "backbone.kafka.retention.";

    public TopicRetention {
        for (Duration period : new Duration[] {events, inbound, feeds, deadLetters}) {
            if (period == null || period.isNegative() || period.isZero()) {
                throw new IllegalArgumentException("a topic's retention is a positive period, not " + period);
            }
        }
    }

    /** The documented defaults. */
    public static TopicRetention defaults() {
        return from(name -> null);
    }

    /**
     * The periods set as system properties ({@code -Dbackbone.kafka.retention.events=P30D}) or environment variables
     * ({@code BACKBONE_KAFKA_RETENTION_EVENTS}, as Spring Boot names them), the defaults otherwise.
     */
    public static TopicRetention fromEnvironment() {
        return from(name -> {
            String property = System.getProperty(name);
            return property != null ? property
                    : System.getenv(name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
        });
    }

    /** The periods {@code settings} names ({@code backbone.kafka.retention.events} ...), the defaults otherwise. */
    public static TopicRetention from(Function<String, String> settings) {
        return new TopicRetention(period(settings, "events", EVENTS_DEFAULT),
                period(settings, "inbound", INBOUND_DEFAULT), period(settings, "feeds", FEEDS_DEFAULT),
                period(settings, "dead-letters", DEAD_LETTERS_DEFAULT));
    }

    private static Duration period(Function<String, String> settings, String kind, String otherwise) {
        String value = settings.apply(PREFIX + kind);
        String period = value == null || value.isBlank() ? otherwise : value.trim();
        try {
            return Duration.parse(period);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(PREFIX + kind + " is an ISO-8601 duration such as P30D, not '"
                    + period + "'", e);
        }
    }

    /** How long {@code topic} keeps its records. */
    public Duration of(String topic) {
        if (topic.endsWith(Topics.DEAD_LETTER_SUFFIX)) {
            return deadLetters;
        }
        if (Topics.agencyOfInbound(topic).isPresent()) {
            return inbound;
        }
        if (topic.startsWith(Topics.FEED_PREFIX)) {
            return feeds;
        }
        return events;
    }
}
