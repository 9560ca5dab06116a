package org.safeguarding.backbone.chronology.timeline.query;

import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * A set of event ids held compactly, for a rebuild that remembers every act it has recorded ({@link BulkLoad}): an id
 * in a UUID's canonical form (as the services make them) is kept as its 128 bits in an open-addressed table, 16 bytes
 * an id; any other id as itself. Exact: two ids are the same only if their text is.
 */
final class EventIds {

    private static final long EMPTY_HIGH = 0L;
    private static final long EMPTY_LOW = 0L;

    /** The UUIDs' halves, high then low, side by side; both zero marks a free slot (the nil UUID is held apart). */
    private long[] slots = new long[2 * 1024];
    private int uuids;
    private boolean nil;
    private final Set<String> others = new HashSet<>();

    boolean contains(String eventId) {
        UUID uuid = canonical(eventId);
        if (uuid == null) {
            return others.contains(eventId);
        }
        if (isNil(uuid)) {
            return nil;
        }
        return taken(slots, find(slots, uuid.getMostSignificantBits(), uuid.getLeastSignificantBits()));
    }

    /** Adds {@code eventId}; whether it was new. */
    boolean add(String eventId) {
        UUID uuid = canonical(eventId);
        if (uuid == null) {
            return others.add(eventId);
        }
        if (isNil(uuid)) {
            boolean added = !nil;
            nil = true;
            return added;
        }
        long high = uuid.getMostSignificantBits();
        long low = uuid.getLeastSignificantBits();
        int slot = find(slots, high, low);
        if (taken(slots, slot)) {
            return false;
        }
        slots[slot] = high;
        slots[slot + 1] = low;
        if (++uuids * 4L > slots.length) {
            grow();
        }
        return true;
    }

    int size() {
        return uuids + others.size() + (nil ? 1 : 0);
    }

    /** The id as a UUID if it is one written as {@link UUID#toString} writes it; otherwise null. */
    private static UUID canonical(String eventId) {
        if (eventId.length() != 36) {
            return null;
        }
        try {
            UUID uuid = UUID.fromString(eventId);
            return uuid.toString().equals(eventId) ? uuid : null;
        } catch (IllegalArgumentException notOne) {
            return null;
        }
    }

    private static boolean isNil(UUID uuid) {
        return uuid.getMostSignificantBits() == EMPTY_HIGH && uuid.getLeastSignificantBits() == EMPTY_LOW;
    }

    /** The slot holding the UUID, or the free slot where it would go (linear probing; at most half full). */
    private static int find(long[] table, long high, long low) {
        int slots = table.length / 2;
        long mixed = (high * 0x9E3779B97F4A7C15L) ^ (low * 0xC2B2AE3D27D4EB4FL);
        int slot = (int) ((mixed ^ (mixed >>> 32)) & (slots - 1));
        while (true) {
            int at = 2 * slot;
            if (!taken(table, at) || (table[at] == high && table[at + 1] == low)) {
                return at;
            }
            slot = (slot + 1) & (slots - 1);
        }
    }

    /** Whether the slot at {@code at} holds a UUID. */
    private static boolean taken(long[] table, int at) {
        return table[at] != EMPTY_HIGH || table[at + 1] != EMPTY_LOW;
    }

    private void grow() {
        long[] larger = new long[slots.length * 2];
        for (int at = 0; at < slots.length; at += 2) {
            if (taken(slots, at)) {
                int to = find(larger, slots[at], slots[at + 1]);
                larger[to] = slots[at];
                larger[to + 1] = slots[at + 1];
            }
        }
        slots = larger;
    }
}
