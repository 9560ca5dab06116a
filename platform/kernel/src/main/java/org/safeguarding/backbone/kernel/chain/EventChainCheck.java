package org.safeguarding.backbone.kernel.chain;

import java.time.Instant;

/**
 * Tamper evidence for a service's event store ({@code GET /operator/event-chain}, {@code ./run verify-events}).
 * Each stored event is linked to the one before it in its aggregate by a hash of its stored form, and every so often
 * the newest link of each aggregate changed is signed with a key kept outside the database (a checkpoint). A check
 * recomputes every link from the events as stored and checks every checkpoint's signature and the links it names:
 * an event changed, removed or inserted in the database shows as a broken link, even when its links were recomputed
 * too (then the signed checkpoint disagrees). Shows ids and positions, never a child's data.
 */
public interface EventChainCheck {

    /** Checks the whole store now. */
    Report verify();

    /** Signs a checkpoint now (also done on a schedule); empty when nothing changed since the last one. */
    java.util.Optional<Checkpoint> checkpoint();

    /**
     * What a check found: {@code intact} when every link held, else {@code firstBroken} is the first that did not.
     *
     * @param events      events checked
     * @param checkpoints signed checkpoints checked
     * @param broken      links that did not hold (each event counted once)
     */
    record Report(boolean intact, long events, long checkpoints, long broken, BrokenLink firstBroken,
                  Instant checkedAt) {

        public Report(long events, long checkpoints, long broken, BrokenLink firstBroken, Instant checkedAt) {
            this(broken == 0, events, checkpoints, broken, firstBroken, checkedAt);
        }
    }

    /**
     * The first link that did not hold, in the store's order.
     *
     * @param globalIndex the event's position in the store (-1 when the event itself is missing)
     * @param problem     what was wrong, in a sentence
     */
    record BrokenLink(long globalIndex, String eventId, String aggregateId, long sequence, String problem) {
    }

    /** A signed checkpoint: how many aggregates' newest links it covers, and the key that signed it. */
    record Checkpoint(long id, Instant createdAt, int heads, String keyId) {
    }
}
