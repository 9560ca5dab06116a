package org.safeguarding.backbone.messaging.store;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The names a service's events are stored under in its event store, one per event class. Stored events outlive the
 * code that wrote them: Axon records each event's type by name and needs that name to read the event back, so the
 * names are pinned here rather than derived from where a class happens to live. A class may move or be renamed;
 * its stored name may not.
 *
 * <p>Each event-sourced service declares one bean of this type listing every event it stores; a service's
 * {@code StoredEventNamesTest} pins the names and loads events stored by an earlier version.
 */
public final class StoredEventNames {

    private final Map<Class<?>, String> nameByClass;
    private final Map<String, Class<?>> classByName;

    private StoredEventNames(Map<Class<?>, String> names) {
        this.nameByClass = Map.copyOf(names);
        Map<String, Class<?>> byName = new LinkedHashMap<>();
        names.forEach((type, name) -> {
            Class<?> previous = byName.put(name, type);
            if (previous != null) {
                throw new IllegalArgumentException("stored event name '" + name + "' is given to both "
                        + previous.getName() + " and " + type.getName());
            }
        });
        this.classByName = Map.copyOf(byName);
    }

    /** Builds the table, in the order given. */
    public static Builder builder() {
        return new Builder();
    }

    /** The name {@code type} is stored under, if it is one of the listed events. */
    public Optional<String> nameOf(Class<?> type) {
        return Optional.ofNullable(nameByClass.get(type));
    }

    /** The class the events stored as {@code name} are read as, if the name is listed. */
    public Optional<Class<?>> classOf(String name) {
        return Optional.ofNullable(classByName.get(name));
    }

    /** Every listed event class and its stored name. */
    public Map<Class<?>, String> asMap() {
        return nameByClass;
    }

    /** Several tables as one: a name or a class listed twice is a mistake that would make stored events ambiguous. */
    public static StoredEventNames combined(Iterable<StoredEventNames> tables) {
        Builder all = builder();
        for (StoredEventNames table : tables) {
            table.nameByClass.forEach(all::event);
        }
        return all.build();
    }

    public static final class Builder {

        private final Map<Class<?>, String> names = new LinkedHashMap<>();

        private Builder() {
        }

        public Builder event(Class<?> type, String storedName) {
            if (storedName == null || storedName.isBlank()) {
                throw new IllegalArgumentException("no stored name for " + type.getName());
            }
            if (names.putIfAbsent(type, storedName) != null) {
                throw new IllegalArgumentException(type.getName() + " is listed twice");
            }
            return this;
        }

        public StoredEventNames build() {
            return new StoredEventNames(names);
        }
    }
}
