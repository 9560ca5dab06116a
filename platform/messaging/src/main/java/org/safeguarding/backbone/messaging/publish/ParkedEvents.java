package org.safeguarding.backbone.messaging.publish;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safeguarding.backbone.kernel.publish.Publication.Parked;
import org.safeguarding.backbone.kernel.publish.Publication.Stuck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/** The {@code parked_event} table (db/publishing): events an operator took out of the publisher's way. */
public class ParkedEvents {

    private static final RowMapper<Parked> PARKED = (row, n) -> new Parked(row.getString("event_id"),
            row.getString("event_type"), row.getString("aggregate_id"), row.getLong("sequence_number"),
            row.getString("reason"), row.getString("parked_by"), instant(row.getTimestamp("parked_at")),
            row.getString("republished_by"), instant(row.getTimestamp("republished_at")));

    private final JdbcTemplate jdbc;

    public ParkedEvents(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** True when an operator parked the event: the publisher skips it. Asked only when publishing it failed. */
    boolean isParked(String eventId) {
        Integer count = jdbc.queryForObject("select count(*) from parked_event where event_id = ?", Integer.class,
                eventId);
        return count != null && count > 0;
    }

    Parked park(Stuck stuck, String operator, Instant now) {
        jdbc.update("insert into parked_event (event_id, event_type, aggregate_id, sequence_number, reason, parked_by,"
                        + " parked_at) values (?, ?, ?, ?, ?, ?, ?)", stuck.eventId(), stuck.eventType(),
                stuck.aggregateId(), stuck.sequence(), stuck.reason(), operator, Timestamp.from(now));
        return find(stuck.eventId()).orElseThrow();
    }

    Optional<Parked> find(String eventId) {
        return jdbc.query("select * from parked_event where event_id = ?", PARKED, eventId).stream().findFirst();
    }

    List<Parked> all() {
        return jdbc.query("select * from parked_event order by parked_at desc", PARKED);
    }

    /** Parked and not yet republished: what is missing from Kafka. */
    public long waiting() {
        Long count = jdbc.queryForObject("select count(*) from parked_event where republished_at is null",
                Long.class);
        return count == null ? 0 : count;
    }

    void republished(String eventId, String operator, Instant now) {
        jdbc.update("update parked_event set republished_by = ?, republished_at = ? where event_id = ?", operator,
                Timestamp.from(now), eventId);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
