package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.List;

/**
 * A rule evaluated on a child's whole stream of acts (R14). Pure: the same acts and the same moment give the same
 * detections, in whatever order the acts arrived, so a rebuilt chronology finds the same patterns.
 */
public interface PatternRule {

    /** The rule's name, as configured under {@code backbone.patterns} and carried in PatternDetected. */
    String name();

    /** Every instance of the pattern in {@code acts} (in any order), as of {@code now}. */
    List<Detection> detect(List<StreamAct> acts, Instant now);
}
