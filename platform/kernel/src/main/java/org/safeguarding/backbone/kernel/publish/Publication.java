package org.safeguarding.backbone.kernel.publish;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/**
 * The operator's hold on a service's publisher, the process that puts each stored event on Kafka in the order stored
 * ({@code GET /operator/publisher}). A publisher that cannot publish an event tries it again, for ever, and publishes
 * nothing after it meanwhile: right when the broker is down, wrong when the event can never be published (too large
 * for the broker, refused by the registry). For that case an operator, told by the alert, <em>parks</em> the event:
 * the publisher goes on without it, and the event is listed here, not on Kafka, until the operator republishes it
 * once the cause is fixed. Only the event the publisher is stuck on can be parked; parking and republishing are
 * logged with the operator's name. Shows ids and types, never a child's data.
 */
public interface Publication {

    /** The event the publisher is failing on now, if it is. */
    Optional<Stuck> stuck();

    /** Events parked, most recent first. */
    List<Parked> parked();

    /**
     * Parks the event the publisher is stuck on; the publisher skips it at its next attempt.
     *
     * @throws NotStuck when {@code eventId} is not the event the publisher is failing on
     */
    Parked park(String eventId, String operator);

    /**
     * Publishes a parked event now, from the event store, and marks it republished.
     *
     * @throws NotParked      when the event is not parked, or was republished already
     * @throws NotPublishable when it still cannot be published (the reason, never the content); an outage of the
     *                        broker is thrown as it is (the caller is told to try again)
     */
    Parked republish(String eventId, String operator);

    /** An event the publisher keeps failing to publish. {@code reason}: classes and codes, never data. */
    record Stuck(String eventId, String eventType, String aggregateId, long sequence, int attempts,
                 Instant failingSince, Instant lastFailedAt, String reason) {
    }

    /** An event an operator parked; {@code republishedAt} null while it is not on Kafka. */
    record Parked(String eventId, String eventType, String aggregateId, long sequence, String reason,
                  String parkedBy, Instant parkedAt, String republishedBy, Instant republishedAt) {
    }

    /** Refused: only the event the publisher is stuck on may be parked. */
    final class NotStuck extends RuleViolation {
        public NotStuck(String eventId) {
            super(Kind.CONFLICT, "not-stuck", "The publisher is not stuck on event " + eventId + ": only the event "
                    + "it keeps failing to publish can be parked (GET /operator/publisher names it).", "eventId");
        }
    }

    /** Refused: there is no such parked event waiting to be republished. */
    final class NotParked extends RuleViolation {
        public NotParked(String eventId) {
            super(Kind.NOT_FOUND, "not-parked", "No parked event " + eventId + " is waiting to be republished.",
                    "eventId");
        }
    }

    /** The event still could not be published; it stays parked. */
    final class NotPublishable extends RuleViolation {
        public NotPublishable(String eventId, String reason) {
            super(Kind.CONFLICT, "not-publishable", "Event " + eventId + " still cannot be published (" + reason
                    + "); it stays parked. Fix the cause, then republish it again.", null);
        }
    }
}
