package org.safeguarding.backbone.messaging.consume;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Which integration events a consumer has already acted on. Kafka delivers at least once, and the publisher
 * re-publishes after a failure or a replay, so a consumer that changes state records the event id in the same
 * database transaction as the change, and skips an id it has seen.
 *
 * <p>Needs the {@code processed_event} table (db/platform migrations) and a surrounding transaction.
 */
public class ProcessedEvents {

    private final JdbcTemplate jdbc;

    public ProcessedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Records that {@code consumer} acts on {@code eventId} now. False when it already had: the caller then does
     * nothing.
     */
    public boolean firstDelivery(String consumer, String eventId) {
        Integer seen = jdbc.queryForObject(
                "select count(*) from processed_event where consumer = ? and event_id = ?", Integer.class,
                consumer, eventId);
        if (seen != null && seen > 0) {
            return false;
        }
        try {
            jdbc.update("insert into processed_event (consumer, event_id, processed_at) values (?, ?, ?)",
                    consumer, eventId, Timestamp.from(Instant.now()));
            return true;
        } catch (DuplicateKeyException concurrentDuplicate) {
            return false;
        }
    }

    /** What a delivery under an id is, given what was acted on under it before. */
    public enum Delivery {
        /** Nothing was acted on under the id: act on it. */
        FIRST,
        /** The same content again (or content from before fingerprints were kept): do nothing. */
        AGAIN,
        /** Other content under an id already acted on: neither act on it nor drop it silently. */
        DIFFERENT
    }

    /**
     * Records that {@code consumer} acts on {@code id}, whose content has {@code fingerprint} (e.g. a SHA-256 in hex,
     * at most 64 characters), unless something was acted on under that id already: then says whether it was the same.
     */
    public Delivery delivery(String consumer, String id, String fingerprint) {
        List<String> before = jdbc.queryForList(
                "select fingerprint from processed_event where consumer = ? and event_id = ?", String.class,
                consumer, id);
        if (before.isEmpty()) {
            // a delivery racing this one under the same id fails here (a duplicate key) and is tried again by the
            // consumer, when it compares with what this one stored
            jdbc.update("insert into processed_event (consumer, event_id, processed_at, fingerprint) "
                    + "values (?, ?, ?, ?)", consumer, id, Timestamp.from(Instant.now()), fingerprint);
            return Delivery.FIRST;
        }
        String earlier = before.get(0);
        return earlier == null || earlier.equals(fingerprint) ? Delivery.AGAIN : Delivery.DIFFERENT;
    }
}
