package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.List;

/**
 * A pattern a rule found in a child's acts.
 *
 * @param from         when the first contributing act happened
 * @param to           when the last one happened, or the deadline that passed
 * @param contributing the acts that make it up, by event id, in the order they happened
 */
public record Detection(String rule, String description, Instant from, Instant to, List<String> contributing) {

    public Detection {
        contributing = List.copyOf(contributing);
    }
}
