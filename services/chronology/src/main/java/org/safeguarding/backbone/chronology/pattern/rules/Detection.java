package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * A pattern a rule found in a child's acts.
 *
 * @param from         when the first contributing act happened
 * @param to           when the last one happened, or the deadline that passed
 * @param contributing the acts that make it up, by event id, in the order they happened
 * @param counted      for a run of acts within a period ({@link CountWithinPeriod}), what it counts (agencies,
 *                     records or acts); null for a pattern that is not a count
 */
public record Detection(String rule, String description, Instant from, Instant to, List<String> contributing,
                        Integer counted) {

    public Detection {
        contributing = List.copyOf(contributing);
    }

    /** A pattern that is not a count: one act, or an act with the one that began its record. */
    public Detection(String rule, String description, Instant from, Instant to, List<String> contributing) {
        this(rule, description, from, to, contributing, null);
    }

    /**
     * Whether a pattern of the same rule announced before, having {@code actsInCommon} of this one's acts and counting
     * {@code announcedCount} (null if not a count), already tells of this one, so that it is not announced again: it
     * holds all of this one's acts; or, for a run, the two share an act and this one counts no more (the same run
     * going on: three agencies still raising concerns is not news; a fourth is). So a run that keeps growing is
     * announced once, and again only when what it counts grows.
     */
    public boolean toldBy(int actsInCommon, Integer announcedCount) {
        if (actsInCommon >= new HashSet<>(contributing).size()) {
            return true;
        }
        return counted != null && announcedCount != null && counted <= announcedCount && actsInCommon > 0;
    }
}
