package org.safeguarding.backbone.chronology.pattern;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.pattern.process.PatternCatalogue;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings.Counted;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings.Toggle;
import org.safeguarding.backbone.chronology.pattern.rules.CountWithinPeriod;
import org.safeguarding.backbone.chronology.pattern.rules.Detection;
import org.safeguarding.backbone.chronology.pattern.rules.PatternRule;
import org.safeguarding.backbone.chronology.pattern.rules.Scope;
import org.safeguarding.backbone.chronology.pattern.rules.StreamAct;

/**
 * After each act the chronology gives each rule only the part of the child's stream the rule's scope names for that
 * act, and keeps the patterns found with the act in them (so an act costs what its windows and its record hold, not
 * what the child's history does). Here, on random streams arriving in random order, that finds and announces exactly
 * what giving every rule the whole stream after every act did, at the edges of every window included.
 */
class PatternScopesTest {

    private static final Instant T0 = Instant.parse("2026-09-01T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    /** Short windows, so random streams of a few dozen acts fill them, run past them and sit on their edges. */
    private static final PatternSettings TIGHT = new PatternSettings(new Counted(true, 3, Duration.ofDays(7)),
            new Counted(true, 2, Duration.ofDays(10)), new Toggle(true), new Counted(true, 2, Duration.ofDays(10)),
            new Toggle(true), new Counted(true, 3, Duration.ofDays(20)), Duration.ofMinutes(5));

    private static final List<String> KINDS = List.of("InformationShared", "InformationRequested",
            "AcknowledgementOverdue", "WrittenFollowUpOverdue", "DecidedNotToShare", "SharingDeclined",
            "FeedbackRequested", "FeedbackGiven", "ChildTransferred", "ShareAcknowledged");
    private static final List<String> AGENCIES = List.of("school-a", "gp-a", "police-a", "health-visiting-a");

    @Test
    void eachRulesScope_namesTheKindsItCounts_withinItsPeriodEitherSide_orTheActsRecord() {
        Map<String, PatternRule> rules = new TreeMap<>();
        PatternCatalogue.rules(TIGHT).forEach(rule -> rules.put(rule.name(), rule));
        StreamAct share = act("e1", "InformationShared", "school-a", T0, "share:1", null);

        assertThat(rules.get(PatternCatalogue.CONCERNS_FROM_SEVERAL_AGENCIES).scope(share)).contains(
                Scope.kindsWithin(Set.of("InformationShared", "InformationRequested"), T0.minus(Duration.ofDays(7)),
                        T0.plus(Duration.ofDays(7))));
        assertThat(rules.get(PatternCatalogue.MOVING_OFTEN).scope(share)).isEmpty();
        assertThat(rules.get(PatternCatalogue.DECISIONS_NOT_TO_SHARE).scope(share)).isEmpty();
        assertThat(rules.get(PatternCatalogue.FEEDBACK_OVERDUE).scope(share)).isEmpty();
        // any act on a record may turn out to be the one that began it
        assertThat(rules.get(PatternCatalogue.VERBAL_SHARE_NOT_FOLLOWED_UP).scope(share))
                .contains(Scope.aboutRecord(Set.of(), "share:1"));

        StreamAct owed = act("e2", "FeedbackRequested", "school-a", T0, "feedback:1", T0.plus(DAY));
        assertThat(rules.get(PatternCatalogue.FEEDBACK_OVERDUE).scope(owed))
                .contains(Scope.aboutRecord(Set.of("FeedbackRequested", "FeedbackGiven"), "feedback:1"));
        // giving feedback never makes it overdue
        assertThat(rules.get(PatternCatalogue.FEEDBACK_OVERDUE)
                .scope(act("e3", "FeedbackGiven", "csc-a", T0, "feedback:1", null))).isEmpty();
    }

    @Test
    void aScope_holdsItsKinds_itsPeriodWithBothEnds_andItsRecord() {
        Scope window = Scope.kindsWithin(Set.of("InformationShared"), T0, T0.plus(DAY));
        assertThat(window.includes(act("a", "InformationShared", "x", T0, "share:1", null))).isTrue();
        assertThat(window.includes(act("b", "InformationShared", "x", T0.plus(DAY), "share:2", null))).isTrue();
        assertThat(window.includes(act("c", "InformationShared", "x", T0.minusMillis(1), "share:3", null))).isFalse();
        assertThat(window.includes(act("d", "InformationShared", "x", T0.plus(DAY).plusMillis(1), "s", null)))
                .isFalse();
        assertThat(window.includes(act("e", "InformationRequested", "x", T0, "request:1", null))).isFalse();
        Scope record = Scope.aboutRecord(Set.of(), "share:1");
        assertThat(record.includes(act("f", "ShareAcknowledged", "x", T0.minus(Duration.ofDays(900)), "share:1",
                null))).isTrue();
        assertThat(record.includes(act("g", "ShareAcknowledged", "x", T0, "share:2", null))).isFalse();
    }

    @Test
    void lookingAfterEachActWithinItsScope_announcesWhatLookingAtTheWholeStreamDid_onRandomStreams() {
        List<PatternRule> rules = PatternCatalogue.rules(TIGHT);
        int announced = 0;
        for (long seed = 1; seed <= 400; seed++) {
            Random random = new Random(seed);
            List<StreamAct> stream = randomStream(random, 10 + random.nextInt(50));
            List<StreamAct> arrival = new ArrayList<>(stream);
            Collections.shuffle(arrival, random);
            Instant now = T0.plus(Duration.ofDays(random.nextInt(60)));

            Set<String> whole = new TreeSet<>();
            Set<String> scoped = new TreeSet<>();
            Map<String, List<Announced>> announcedWhole = new TreeMap<>();
            Map<String, List<Announced>> announcedScoped = new TreeMap<>();
            List<StreamAct> arrived = new ArrayList<>();
            for (StreamAct act : arrival) {
                arrived.add(act);
                for (PatternRule rule : rules) {
                    for (Detection detection : rule.detect(arrived, now)) {
                        announce(detection, announcedWhole, whole);
                    }
                    lookAfter(rule, act, arrived, now, announcedScoped, scoped);
                }
            }
            // the sweep: each deadline passed and not flagged, looked at as the act that set it
            for (StreamAct act : arrived) {
                if (act.dueAt() != null && now.isAfter(act.dueAt())) {
                    rules.forEach(rule -> lookAfter(rule, act, arrived, now, announcedScoped, scoped));
                }
            }
            assertThat(scoped).as("seed %d", seed).isEqualTo(whole);
            announced += whole.size();
        }
        assertThat(announced).as("the streams have patterns in them to find").isGreaterThan(400);
    }

    @Test
    void countingInOnePass_findsTheRunsThatCheckingEveryRunFromEveryActFinds() {
        for (long seed = 1; seed <= 300; seed++) {
            Random random = new Random(seed);
            List<StreamAct> stream = randomStream(random, 5 + random.nextInt(60));
            for (PatternRule rule : PatternCatalogue.rules(TIGHT)) {
                if (rule instanceof CountWithinPeriod counting) {
                    Counted settings = countedOf(rule.name());
                    List<String> runs = counting.detect(stream, T0).stream()
                            .map(found -> found.contributing().toString()).toList();
                    assertThat(runs)
                            .as("seed %d, %s", seed, rule.name())
                            .isEqualTo(everyRun(rule.name(), stream, settings));
                }
            }
        }
    }

    private static Counted countedOf(String rule) {
        return switch (rule) {
            case PatternCatalogue.CONCERNS_FROM_SEVERAL_AGENCIES -> TIGHT.concernsFromSeveralAgencies();
            case PatternCatalogue.ACKNOWLEDGEMENTS_OVERDUE -> TIGHT.acknowledgementsOverdue();
            case PatternCatalogue.DECISIONS_NOT_TO_SHARE -> TIGHT.decisionsNotToShare();
            default -> TIGHT.movingOften();
        };
    }

    /**
     * The runs as first written: from each act, every act within the period after it, counted afresh; a run ending
     * where the last one found ended is not found again. Quadratic, and plainly the definition.
     */
    private static List<String> everyRun(String rule, List<StreamAct> acts, Counted settings) {
        Set<String> kinds = switch (rule) {
            case PatternCatalogue.CONCERNS_FROM_SEVERAL_AGENCIES -> Set.of("InformationShared", "InformationRequested");
            case PatternCatalogue.ACKNOWLEDGEMENTS_OVERDUE -> Set.of("AcknowledgementOverdue");
            case PatternCatalogue.DECISIONS_NOT_TO_SHARE -> Set.of("DecidedNotToShare", "SharingDeclined");
            default -> Set.of("ChildTransferred");
        };
        List<StreamAct> counted = acts.stream().filter(act -> kinds.contains(act.eventType()))
                .sorted(StreamAct.IN_ORDER).toList();
        List<String> runs = new ArrayList<>();
        int lastEnd = -1;
        for (int start = 0; start < counted.size(); start++) {
            int end = start;
            while (end + 1 < counted.size() && !counted.get(end + 1).occurredAt()
                    .isAfter(counted.get(start).occurredAt().plus(settings.within()))) {
                end++;
            }
            List<StreamAct> run = counted.subList(start, end + 1);
            long count = switch (rule) {
                case PatternCatalogue.CONCERNS_FROM_SEVERAL_AGENCIES ->
                    run.stream().map(StreamAct::agency).distinct().count();
                case PatternCatalogue.ACKNOWLEDGEMENTS_OVERDUE -> run.stream().map(StreamAct::subject).distinct().count();
                default -> run.size();
            };
            if (end != lastEnd && count >= settings.threshold()) {
                runs.add(run.stream().map(StreamAct::eventId).toList().toString());
                lastEnd = end;
            }
        }
        return runs;
    }

    /** What the detector does after an act: the rule on its scope, keeping only what the act is part of. */
    private static void lookAfter(PatternRule rule, StreamAct act, List<StreamAct> arrived, Instant now,
                                  Map<String, List<Announced>> announced, Set<String> found) {
        Optional<Scope> scope = rule.scope(act);
        if (scope.isEmpty()) {
            return;
        }
        List<StreamAct> within = arrived.stream().filter(scope.get()::includes).toList();
        for (Detection detection : rule.detect(within, now)) {
            if (detection.contributing().contains(act.eventId())) {
                announce(detection, announced, found);
            }
        }
    }

    /** A pattern announced: its acts, and what it counted. */
    private record Announced(Set<String> acts, Integer counted) {
    }

    /** Announced unless one of its rule's announced patterns already tells of it (as PatternFlags decides). */
    private static void announce(Detection detection, Map<String, List<Announced>> announced, Set<String> found) {
        List<Announced> ofRule = announced.computeIfAbsent(detection.rule(), rule -> new ArrayList<>());
        boolean told = ofRule.stream().anyMatch(before -> detection.toldBy((int) detection.contributing().stream()
                .distinct().filter(before.acts()::contains).count(), before.counted()));
        if (!told) {
            ofRule.add(new Announced(new HashSet<>(detection.contributing()), detection.counted()));
            found.add(detection.rule() + " " + new TreeSet<>(detection.contributing()) + " " + detection.from() + " "
                    + detection.to() + " " + detection.description());
        }
    }

    /**
     * Acts of every kind the rules count, on a few records, by a few agencies, at whole days and hours from T0 and
     * on the exact edges of the windows (so ties and both ends of a period come up).
     */
    private static List<StreamAct> randomStream(Random random, int size) {
        List<StreamAct> acts = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            String kind = KINDS.get(random.nextInt(KINDS.size()));
            Instant at = T0.plus(Duration.ofDays(random.nextInt(40)))
                    .plus(Duration.ofHours(random.nextInt(3) * 12L))
                    .plusMillis(random.nextInt(4) == 0 ? random.nextInt(3) - 1 : 0);
            String subject = (kind.startsWith("Feedback") ? "feedback:" : "share:") + random.nextInt(6);
            Instant dueAt = kind.equals("FeedbackRequested") ? at.plus(Duration.ofDays(random.nextInt(10))) : null;
            acts.add(act("e" + i, kind, AGENCIES.get(random.nextInt(AGENCIES.size())), at, subject, dueAt));
        }
        return acts;
    }

    private static StreamAct act(String id, String kind, String agency, Instant at, String subject, Instant dueAt) {
        return new StreamAct(id, kind, agency, at, subject, dueAt);
    }
}
