package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A rule evaluated on a child's stream of acts (R14). Pure: the same acts and the same moment give the same
 * detections, in whatever order the acts arrived, so a rebuilt chronology finds the same patterns.
 *
 * <p>After each act the chronology does not give a rule the child's whole stream, which grows with every share, but
 * the part of it {@link #scope} names: every instance of the pattern that the act is part of lies within it, and is
 * found there as it would be in the whole stream.
 */
public interface PatternRule {

    /** The rule's name, as configured under {@code backbone.patterns} and carried in PatternDetected. */
    String name();

    /** Every instance of the pattern in {@code acts} (in any order), as of {@code now}. */
    List<Detection> detect(List<StreamAct> acts, Instant now);

    /**
     * The acts among which every instance of the pattern that includes {@code act} lies, complete enough that
     * {@link #detect} on them finds each such instance exactly as on the child's whole stream; empty when {@code act}
     * can be part of none.
     */
    Optional<Scope> scope(StreamAct act);
}
