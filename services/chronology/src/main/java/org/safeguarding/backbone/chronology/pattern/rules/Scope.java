package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.Set;

/**
 * The acts of a child a rule needs to find every instance of its pattern that one act is part of
 * ({@link PatternRule#scope}): of these kinds (every kind when empty), that happened within {@code from} to
 * {@code to} (both included; an end left null is open), about this record (any, when null). Either the kinds or the
 * record is named, so a scope is never the child's whole stream: looking after an act costs what its window or its
 * record holds, not what the child's history does.
 */
public record Scope(Set<String> eventTypes, Instant from, Instant to, String subject) {

    public Scope {
        eventTypes = Set.copyOf(eventTypes);
        if (eventTypes.isEmpty() && subject == null) {
            throw new IllegalArgumentException("a scope names the kinds of act or the record it is about");
        }
    }

    /** Acts of these kinds within {@code from} to {@code to}, about any record. */
    public static Scope kindsWithin(Set<String> eventTypes, Instant from, Instant to) {
        return new Scope(eventTypes, from, to, null);
    }

    /** Acts of these kinds (every kind when empty) about one record, whenever they happened. */
    public static Scope aboutRecord(Set<String> eventTypes, String subject) {
        return new Scope(eventTypes, null, null, subject);
    }

    /** Whether {@code act} is within the scope. */
    public boolean includes(StreamAct act) {
        return (eventTypes.isEmpty() || eventTypes.contains(act.eventType()))
                && (from == null || !act.occurredAt().isBefore(from))
                && (to == null || !act.occurredAt().isAfter(to))
                && (subject == null || subject.equals(act.subject()));
    }
}
