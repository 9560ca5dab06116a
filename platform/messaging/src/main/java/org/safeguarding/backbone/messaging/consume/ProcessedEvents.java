package org.safeguarding.backbone.messaging.consume;

import java.sql.Timestamp;
import java.time.Instant;
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
}
