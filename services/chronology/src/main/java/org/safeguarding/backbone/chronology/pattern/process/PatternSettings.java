package org.safeguarding.backbone.chronology.pattern.process;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The pattern rules (R14), each configurable under {@code backbone.patterns.<rule>}: whether it runs, and for those
 * that count, how many (acts, agencies, moves) within what period. The defaults are in the service's
 * application.yml.
 *
 * @param sweepEvery how often deadlines are looked at for the rules that need only time to pass (feedback overdue)
 */
@ConfigurationProperties("backbone.patterns")
public record PatternSettings(Counted concernsFromSeveralAgencies, Counted acknowledgementsOverdue,
                              Toggle verbalShareNotFollowedUp, Counted decisionsNotToShare, Toggle feedbackOverdue,
                              Counted movingOften, Duration sweepEvery) {

    /** A rule that counts: at least {@code threshold} within {@code within} (both ends included). */
    public record Counted(boolean enabled, int threshold, Duration within) {
    }

    /** A rule with nothing to set but whether it runs. */
    public record Toggle(boolean enabled) {
    }
}
