package org.safeguarding.backbone.kernel.childkeys;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.crypto.SecretKey;

/**
 * The children's data keys (R18): one live key per child that new content is sealed with, older keys kept for what
 * they sealed, and all of them destroyed when the child's records reach the end of their retention (crypto-shredding:
 * the sealed content stays where it is, in its shape, and no longer opens). A legal hold suspends erasure.
 */
public interface ChildKeys {

    /** The key new content about {@code childId} is sealed with; made when the child has none that is live. */
    DataKey current(String childId);

    /** The key {@code keyId}, live or erased; empty when no key has that id. */
    Optional<KeyState> find(String keyId);

    /**
     * Destroys every key of {@code childId} made up to {@code at}: what they sealed no longer opens anywhere. A key
     * made later (for what was recorded about the child after the erasure was ordered) is kept, so an erasure
     * delivered again destroys nothing new.
     *
     * @throws UnderLegalHold when a hold on the child is open; nothing is destroyed
     */
    Erasure erase(String childId, String reason, Instant at);

    /**
     * Suspends erasure of {@code childId} until released; a hold with {@code holdId} placed before is left as it
     * is (a hold delivered again is placed once).
     */
    LegalHold placeHold(String holdId, String childId, LegalHold.Purpose purpose, String reference, String placedBy,
                        Instant at);

    /**
     * Releases hold {@code holdId}; the child may be erased again once no hold is open.
     *
     * @return the released hold, empty when there is no open hold with that id
     */
    Optional<LegalHold> releaseHold(String holdId, String releasedBy, Instant at);

    /**
     * The latest erasure of each of {@code childIds} that has been erased: what was recorded about the child up to
     * then no longer opens, and a copy of it kept in clear elsewhere (a view, the chronology) is to read as erased.
     */
    Map<String, Erased> lastErasures(Collection<String> childIds);

    /** The holds on {@code childId} not yet released. */
    List<LegalHold> openHolds(String childId);

    /** A child's data key. */
    record DataKey(String keyId, String childId, SecretKey key) {

        @Override
        public String toString() {
            // neither the key nor the child (an NHS number) in anything that may be logged
            return "DataKey[" + keyId + "]";
        }
    }

    /** What a key id stands for: a key to open with, or the record of its erasure. */
    sealed interface KeyState {

        String keyId();

        String childId();
    }

    record Live(DataKey key) implements KeyState {

        @Override
        public String keyId() {
            return key.keyId();
        }

        @Override
        public String childId() {
            return key.childId();
        }
    }

    /** @param keyId null for an erasure of the child as a whole ({@link #lastErasures}) */
    record Erased(String keyId, String childId, Instant erasedAt, String reason) implements KeyState {
    }

    /** What an erasure destroyed: how many keys, when and why. */
    record Erasure(String childId, int keysDestroyed, Instant erasedAt, String reason) {
    }

    /** Erasure refused: a legal hold on the child is open. */
    final class UnderLegalHold extends RuntimeException {

        private final transient List<LegalHold> holds;

        public UnderLegalHold(List<LegalHold> holds) {
            // no NHS number in the message: it may reach a log
            super("The child's records are under legal hold (" + holds.stream()
                    .map(hold -> hold.purpose() + " " + hold.reference()).toList()
                    + "): they are not erased until every hold is released");
            this.holds = List.copyOf(holds);
        }

        public List<LegalHold> holds() {
            return holds;
        }
    }
}
