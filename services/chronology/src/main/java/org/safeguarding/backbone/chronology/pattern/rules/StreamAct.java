package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.Comparator;

/**
 * One act in a child's stream, as the pattern rules see it.
 *
 * @param agency  the agency that acted
 * @param subject the record the act concerns ({@code share:<id>}, {@code feedback:<id>}, ...)
 * @param dueAt   the deadline the act set, if any (feedback owed: the end of the day it is due by)
 */
public record StreamAct(String eventId, String eventType, String agency, Instant occurredAt, String subject,
                        Instant dueAt) {

    /** The order things happened in, the same whatever order they arrived in. */
    public static final Comparator<StreamAct> IN_ORDER =
            Comparator.comparing(StreamAct::occurredAt).thenComparing(StreamAct::eventId);
}
