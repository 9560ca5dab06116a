package org.safeguarding.backbone.chronology.pattern.process;

import static org.safeguarding.backbone.messaging.publish.Envelopes.BACKBONE;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.chronology.pattern.rules.Detection;
import org.safeguarding.backbone.chronology.pattern.rules.PatternRule;
import org.safeguarding.backbone.chronology.pattern.rules.Scope;
import org.safeguarding.backbone.chronology.pattern.rules.StreamAct;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.patterns.v1.PatternDetected;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Looks for patterns in a child's acts (R14) after each act, and when deadlines pass; announces each new one as
 * {@code PatternDetected} on {@value Topics#PATTERNS}, addressed to the child's lead agency (or, while there is none,
 * children's social care of the child's area). The chronology lists it from there, and passes it to the feeds of
 * those it is addressed to.
 *
 * <p>A pattern's event id follows from the child, the rule and its acts, so the same pattern found twice (by two
 * threads, after a crash between announcing and noting it, or by a rebuilt chronology) is one event. At least once: a
 * pattern is noted as announced only once the broker has it.
 */
public class PatternDetector {

    private static final Logger LOG = LoggerFactory.getLogger(PatternDetector.class);

    private static final String PATTERN_DETECTED = "PatternDetected";

    private final List<PatternRule> rules;
    private final ChildActs acts;
    private final ChronologyQueries chronology;
    private final PatternFlags flags;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Clock clock;

    PatternDetector(List<PatternRule> rules, ChildActs acts, ChronologyQueries chronology,
                    PatternFlags flags, KafkaTemplate<String, SpecificRecord> kafka, Clock clock) {
        this.rules = List.copyOf(rules);
        this.acts = acts;
        this.chronology = chronology;
        this.flags = flags;
        this.kafka = kafka;
        this.clock = clock;
    }

    /**
     * Looks at what {@code act} (in the child's chronology already) is part of: each rule is given the acts its
     * {@link PatternRule#scope scope} names for it, and each pattern found there with the act in it, not announced
     * before, is announced. So an act costs what its rules' windows and its record hold, however long the child's
     * history; every pattern is found when the last of its acts arrives (or, for a deadline, when the sweep finds it
     * passed), whatever order they came in.
     */
    public List<PatternDetected> lookAfter(String childId, StreamAct act) throws Exception {
        if (PATTERN_DETECTED.equals(act.eventType())) {
            return List.of();
        }
        Instant now = clock.instant();
        List<PatternDetected> sent = new ArrayList<>();
        for (PatternRule rule : rules) {
            Optional<Scope> scope = rule.scope(act);
            if (scope.isEmpty()) {
                continue;
            }
            for (Detection detection : rule.detect(acts.within(childId, scope.get()), now)) {
                if (detection.contributing().contains(act.eventId()) && flags.isNew(childId, detection)) {
                    sent.add(announce(childId, detection, now));
                }
            }
        }
        return sent;
    }

    private PatternDetected announce(String childId, Detection detection, Instant now) throws Exception {
        String patternId = patternId(childId, detection);
        Set<String> addressedTo = chronology.concernAddressees(childId);
        if (addressedTo.isEmpty()) {
            LOG.warn("pattern {} ({}) about child {} has no one to be addressed to: the child's area has no "
                    + "children's social care the backbone knows; it is recorded for the lead agency and reviewers",
                    patternId, detection.rule(), childId);
        }
        List<String> contributing = detection.contributing();
        PatternDetected event = PatternDetected.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(patternId).setChildId(childId)
                        .setOccurredAt(detection.to()).setRecordedAt(now).setActingAgency(BACKBONE)
                        .setCorrelationId(patternId).setCausationId(contributing.get(contributing.size() - 1))
                        .build())
                .setRule(detection.rule()).setDescription(detection.description())
                .setWindowFrom(detection.from()).setWindowTo(detection.to())
                .setContributingEventIds(new ArrayList<>(contributing))
                .setAddressedTo(new ArrayList<>(addressedTo))
                .build();
        kafka.send(Topics.PATTERNS, childId, event).get(2, TimeUnit.MINUTES);
        flags.announced(patternId, childId, detection);
        LOG.info("pattern {} found in child {}'s acts: {}", detection.rule(), childId, detection.description());
        return event;
    }

    /** The same child, rule and acts give the same id, whenever and however often found. */
    static String patternId(String childId, Detection detection) {
        String key = childId + "|" + detection.rule() + "|" + String.join(",", new TreeSet<>(detection.contributing()));
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8)).toString();
    }
}
