package org.safeguarding.backbone.web.idempotency;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The requests agencies sent with an {@code Idempotency-Key}, and what each was answered, in the service's own
 * database ({@code idempotent_request}): kept for {@code retention} (a day by default), each agency's keys its own.
 * Each statement commits by itself, outside the request's work.
 */
public class IdempotentRequests {

    /** A request under a key: still being answered, or answered (with what it was answered). */
    public record Stored(String fingerprint, boolean answered, Instant startedAt, int status, String location,
                         String contentType, String body) {
    }

    /** What claiming a key found: nothing (the caller now holds it), or the request stored under it. */
    public sealed interface Claim permits Claimed, Found {
    }

    public record Claimed() implements Claim {
    }

    public record Found(Stored stored) implements Claim {
    }

    private static final Duration PURGE_EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Duration retention;
    private final Duration abandonedAfter;
    private final Clock clock;
    /**
     * When keys past their retention were last deleted: at most once a minute, not on every request (a key found
     * past its retention before then is forgotten where it is found).
     */
    private final AtomicReference<Instant> purged = new AtomicReference<>(Instant.MIN);

    public IdempotentRequests(JdbcTemplate jdbc, Duration retention, Duration abandonedAfter, Clock clock) {
        this.jdbc = jdbc;
        this.retention = retention;
        this.abandonedAfter = abandonedAfter;
        this.clock = clock;
    }

    /**
     * Claims {@code key} for {@code agency}'s request, unless a request is stored under it already. A claim left
     * unanswered longer than {@code abandonedAfter} (its service stopped mid-request) is taken over by a request
     * with the same fingerprint.
     */
    public Claim claim(String agency, String key, String fingerprint) {
        Instant now = clock.instant();
        Instant last = purged.get();
        if (last.isBefore(now.minus(PURGE_EVERY)) && purged.compareAndSet(last, now)) {
            jdbc.update("delete from idempotent_request where created_at < ?", at(now.minus(retention)));
        }
        try {
            jdbc.update("insert into idempotent_request (agency, idempotency_key, fingerprint, state, created_at) "
                    + "values (?, ?, ?, 'IN_PROGRESS', ?)", agency, key, fingerprint, at(now));
            return new Claimed();
        } catch (DuplicateKeyException taken) {
            List<Stored> stored = jdbc.query("select fingerprint, state, created_at, response_status, "
                            + "response_location, response_content_type, response_body from idempotent_request "
                            + "where agency = ? and idempotency_key = ?",
                    (row, n) -> new Stored(row.getString(1), "ANSWERED".equals(row.getString(2)),
                            row.getObject(3, OffsetDateTime.class).toInstant(), row.getInt(4), row.getString(5), row.getString(6),
                            row.getString(7)),
                    agency, key);
            if (stored.isEmpty()) {
                // answered with an error and released between the insert and the read: claim it afresh
                return claim(agency, key, fingerprint);
            }
            Stored found = stored.get(0);
            if (found.startedAt().isBefore(now.minus(retention))) {
                // past its retention, not yet deleted: forgotten, as if it had been
                release(agency, key);
                return claim(agency, key, fingerprint);
            }
            if (!found.answered() && found.fingerprint().equals(fingerprint)
                    && found.startedAt().isBefore(now.minus(abandonedAfter))
                    && jdbc.update("update idempotent_request set created_at = ? where agency = ? "
                            + "and idempotency_key = ? and state = 'IN_PROGRESS' and created_at = ?",
                    at(now), agency, key, at(found.startedAt())) == 1) {
                return new Claimed();
            }
            return new Found(found);
        }
    }

    /** The request under {@code key} was answered: a retry is answered the same. */
    public void answered(String agency, String key, int status, String location, String contentType, String body) {
        jdbc.update("update idempotent_request set state = 'ANSWERED', response_status = ?, response_location = ?, "
                + "response_content_type = ?, response_body = ? where agency = ? and idempotency_key = ?",
                status, location, contentType, body, agency, key);
    }

    /** The request under {@code key} changed nothing (it was refused): the key is free again. */
    public void release(String agency, String key) {
        jdbc.update("delete from idempotent_request where agency = ? and idempotency_key = ?", agency, key);
    }

    /** As the column keeps it: to the microsecond, in UTC. */
    private static OffsetDateTime at(Instant instant) {
        return instant.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
    }
}
