package org.safeguarding.backbone.chronology.pattern.process;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.chronology.pattern.rules.Detection;
import org.safeguarding.backbone.chronology.pattern.rules.PatternRule;
import org.safeguarding.backbone.chronology.pattern.rules.StreamAct;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyEntryRepository;
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

    /** The envelope's acting agency for what the backbone itself concludes. */
    static final String BACKBONE = "backbone";

    private final List<PatternRule> rules;
    private final ChronologyEntryRepository entries;
    private final ChronologyQueries chronology;
    private final PatternFlags flags;
    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final Clock clock;

    PatternDetector(List<PatternRule> rules, ChronologyEntryRepository entries, ChronologyQueries chronology,
                    PatternFlags flags, KafkaTemplate<String, SpecificRecord> kafka, Clock clock) {
        this.rules = List.copyOf(rules);
        this.entries = entries;
        this.chronology = chronology;
        this.flags = flags;
        this.kafka = kafka;
        this.clock = clock;
    }

    /** Looks at the child's acts as they are now; announces each pattern not announced before. */
    public List<PatternDetected> look(String childId) throws Exception {
        Instant now = clock.instant();
        List<StreamAct> acts = entries.findByChildIdOrderByOccurredAtAscRecordedAtAscEventIdAsc(childId).stream()
                .filter(entry -> !"PatternDetected".equals(entry.getEventType()))
                .map(entry -> new StreamAct(entry.getEventId(), entry.getEventType(), entry.getAgency(),
                        entry.getOccurredAt(), entry.getSubject(), entry.getDueAt()))
                .toList();
        if (acts.isEmpty()) {
            return List.of();
        }
        Map<String, List<Set<String>>> announced = flags.announcedFor(childId);
        List<PatternDetected> sent = new ArrayList<>();
        for (PatternRule rule : rules) {
            for (Detection detection : rule.detect(acts, now)) {
                if (PatternFlags.isNew(detection, announced)) {
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
