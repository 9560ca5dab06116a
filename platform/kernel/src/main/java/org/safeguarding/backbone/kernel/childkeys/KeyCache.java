package org.safeguarding.backbone.kernel.childkeys;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The keys a process has read lately, at most {@code capacity} of them, the least recently used dropped first: a
 * backbone holds keys for every child it ever heard of, and a cache that kept them all would grow with them for as
 * long as the process runs.
 */
final class KeyCache<V> {

    private final Map<String, V> entries;

    KeyCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("a key cache holds at least one key, not " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1024), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > capacity;
            }
        };
    }

    synchronized V get(String key) {
        return entries.get(key);
    }

    synchronized void put(String key, V value) {
        entries.put(key, value);
    }

    synchronized void remove(String key) {
        entries.remove(key);
    }

    synchronized void removeIf(Predicate<V> which) {
        entries.values().removeIf(which);
    }
}
