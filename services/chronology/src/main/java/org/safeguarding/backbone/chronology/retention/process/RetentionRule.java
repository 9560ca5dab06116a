package org.safeguarding.backbone.chronology.retention.process;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.safeguarding.backbone.kernel.agency.AgencyKind;

/**
 * When a child's records are due for erasure (R18): once the record each agency keeps about the child is past its
 * period, counted from the last act that agency recorded (its kind's period, {@link RetentionSettings}); the child's
 * keys are one, so all of its records go together, when the last of them is due. Plain Java, for the sweep and its
 * tests.
 */
final class RetentionRule {

    private final RetentionSettings settings;
    private final Function<String, Optional<AgencyKind>> kindOf;

    RetentionRule(RetentionSettings settings, Function<String, Optional<AgencyKind>> kindOf) {
        this.settings = settings;
        this.kindOf = kindOf;
    }

    /**
     * When the child's records are due, given the last act each agency recorded about it.
     *
     * @param lastActBy agency to when it last recorded an act about the child
     */
    Instant dueAt(Map<String, Instant> lastActBy) {
        Instant due = Instant.MIN;
        for (Map.Entry<String, Instant> last : lastActBy.entrySet()) {
            Instant agencyDue = last.getValue().atOffset(ZoneOffset.UTC)
                    .plus(settings.periodFor(kindOf.apply(last.getKey()).orElse(null))).toInstant();
            if (agencyDue.isAfter(due)) {
                due = agencyDue;
            }
        }
        return due;
    }

    /** Whether the child's records are past their period at {@code now}. */
    boolean isDue(Map<String, Instant> lastActBy, Instant now) {
        return !lastActBy.isEmpty() && !now.isBefore(dueAt(lastActBy));
    }

    /** Acts recorded after this are not yet due whatever their kind: the shortest period before {@code now}. */
    Instant noneDueAfter(Instant now) {
        Instant latest = now.atOffset(ZoneOffset.UTC).minus(settings.afterLastAct()).toInstant();
        for (var period : settings.afterLastActBy().values()) {
            Instant cutoff = now.atOffset(ZoneOffset.UTC).minus(period).toInstant();
            if (cutoff.isAfter(latest)) {
                latest = cutoff;
            }
        }
        return latest;
    }
}
