package org.safeguarding.backbone.chronology.retention.process;

import java.time.Duration;
import java.time.Period;
import java.util.Map;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long a child's records are kept (R18, {@code backbone.retention}): each act for {@code afterLastAct} after the
 * last act about the child (or the period set for the kind of agency that recorded it, in {@code afterLastActBy}),
 * after which the chronology orders the child's records erased, unless a legal hold is open. The defaults are the
 * backbone's, not a deployment's records-management policy: a deployment sets its own (docs/operations.md).
 *
 * @param enabled      false: nothing is erased on a period, only on an operator's order
 * @param afterLastAct how long after the last act about the child its records are kept, for every kind of agency
 *                     not named in {@code afterLastActBy}
 * @param sweepEvery   how often children past their period are looked for
 * @param firstSweepAfter how long after the service starts the first look is made
 */
@ConfigurationProperties("backbone.retention")
public record RetentionSettings(Boolean enabled, Period afterLastAct, Map<AgencyKind, Period> afterLastActBy,
                                Duration sweepEvery, Duration firstSweepAfter) {

    public RetentionSettings {
        enabled = enabled == null || enabled;
        afterLastAct = afterLastAct == null ? Period.ofYears(25) : afterLastAct;
        afterLastActBy = afterLastActBy == null ? Map.of() : Map.copyOf(afterLastActBy);
        sweepEvery = sweepEvery == null ? Duration.ofDays(1) : sweepEvery;
        firstSweepAfter = firstSweepAfter == null ? Duration.ofMinutes(10) : firstSweepAfter;
        if (afterLastAct.isNegative() || afterLastAct.isZero()
                || afterLastActBy.values().stream().anyMatch(period -> period.isNegative() || period.isZero())) {
            throw new IllegalArgumentException("backbone.retention periods must be longer than nothing (e.g. P25Y)");
        }
    }

    /** How long an act recorded by an agency of {@code kind} (null: unknown) is kept after the last act. */
    public Period periodFor(AgencyKind kind) {
        return kind == null ? afterLastAct : afterLastActBy.getOrDefault(kind, afterLastAct);
    }
}
