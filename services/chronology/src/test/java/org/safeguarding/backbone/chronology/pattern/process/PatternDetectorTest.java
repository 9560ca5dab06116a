package org.safeguarding.backbone.chronology.pattern.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings.Counted;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings.Toggle;
import org.safeguarding.backbone.chronology.pattern.rules.Detection;
import org.safeguarding.backbone.chronology.pattern.rules.PatternRule;
import org.safeguarding.backbone.chronology.pattern.rules.Scope;
import org.safeguarding.backbone.chronology.pattern.rules.StreamAct;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.patterns.v1.PatternDetected;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * The detector on the chronology's own tables (H2 as migrated; PostgreSQL in PostgresPatternDetectorTest): after an act, each rule reads the acts its scope
 * names through the tables' indexes, not the child's whole history, so an act about a child with years of shares
 * costs what one about a new child does (issue 11; the fault test under load slowed to minutes a request as
 * children's histories grew).
 */
class PatternDetectorTest {

    private static final String CHILD = "9990001766";
    private static final Instant NOW = Instant.parse("2026-11-20T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);
    private static final PatternSettings DEFAULTS = new PatternSettings(new Counted(true, 3, Duration.ofDays(7)),
            new Counted(true, 2, Duration.ofDays(90)), new Toggle(true), new Counted(true, 2, Duration.ofDays(90)),
            new Toggle(true), new Counted(true, 3, Duration.ofDays(365)), Duration.ofMinutes(5));

    private JdbcTemplate jdbc;
    private final Map<String, Integer> actsGiven = new ConcurrentHashMap<>();
    private ChronologyQueries chronology;
    private KafkaTemplate<String, SpecificRecord> kafka;
    private PatternDetector detector;

    @BeforeEach
    @SuppressWarnings("unchecked")
    void aChronologyOfItsOwn() {
        DataSource store = store();
        Flyway.configure().dataSource(store).locations("classpath:db/chronology").load().migrate();
        jdbc = new JdbcTemplate(store);
        chronology = mock(ChronologyQueries.class);
        when(chronology.concernAddressees(CHILD)).thenReturn(Set.of("csc-a"));
        kafka = mock(KafkaTemplate.class);
        when(kafka.send(eq(Topics.PATTERNS), eq(CHILD), any())).thenReturn(CompletableFuture.completedFuture(null));
        List<PatternRule> counted = PatternCatalogue.rules(DEFAULTS).stream().map(this::counting).toList();
        detector = new PatternDetector(counted, new ChildActs(jdbc), chronology, new PatternFlags(jdbc), kafka,
                Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void afterAnAct_eachRuleReadsItsWindowOrItsRecord_notTheChildsYearsOfHistory() throws Exception {
        // five years of a share a day by the school, each acknowledged, each owing feedback given in time
        List<Object[]> history = new ArrayList<>();
        for (int day = 1; day <= 1_825; day++) {
            Instant at = NOW.minus(DAY.multipliedBy(day));
            history.add(row("share-" + day, "InformationShared", "school-a", at, "share:" + day, null));
            history.add(row("ack-" + day, "ShareAcknowledged", "csc-a", at.plusSeconds(60), "share:" + day, null));
            history.add(row("owed-" + day, "FeedbackRequested", "school-a", at.plusSeconds(120), "feedback:" + day,
                    at.plus(Duration.ofDays(10))));
            history.add(row("given-" + day, "FeedbackGiven", "csc-a", at.plus(DAY), "feedback:" + day, null));
        }
        insert(history);
        StreamAct today = record("share-today", "InformationShared", "school-a", NOW, "share:today", null);

        assertThat(detector.lookAfter(CHILD, today)).isEmpty();

        // the school's shares of the seven days before, and today's: one agency, no pattern
        assertThat(actsGiven).containsEntry(PatternCatalogue.CONCERNS_FROM_SEVERAL_AGENCIES, 8)
                // today's share is its record's only act
                .containsEntry(PatternCatalogue.VERBAL_SHARE_NOT_FOLLOWED_UP, 1)
                // a share neither is a move, a decision not to share, an overdue acknowledgement nor owes feedback
                .doesNotContainKeys(PatternCatalogue.MOVING_OFTEN, PatternCatalogue.DECISIONS_NOT_TO_SHARE,
                        PatternCatalogue.ACKNOWLEDGEMENTS_OVERDUE, PatternCatalogue.FEEDBACK_OVERDUE);

        actsGiven.clear();
        StreamAct owed = record("owed-today", "FeedbackRequested", "school-a", NOW, "feedback:today",
                NOW.plus(Duration.ofDays(10)));
        assertThat(detector.lookAfter(CHILD, owed)).isEmpty();
        assertThat(actsGiven).containsEntry(PatternCatalogue.FEEDBACK_OVERDUE, 1)
                .containsEntry(PatternCatalogue.VERBAL_SHARE_NOT_FOLLOWED_UP, 1);
        verify(kafka, never()).send(any(), any(), any());
    }

    @Test
    void aPatternWhoseActsAreInTheWindow_isFoundFromTheTables_toItsEdge_andAnnouncedOnce() throws Exception {
        record("gp-too-early", "InformationShared", "gp-a", NOW.minus(Duration.ofDays(7)).minusMillis(1),
                "share:0", null);
        record("gp-at-the-edge", "InformationShared", "gp-a", NOW.minus(Duration.ofDays(7)), "share:1", null);
        record("gp-acknowledged", "ShareAcknowledged", "csc-a", NOW.minus(DAY), "share:1", null);
        record("visitor-asks", "InformationRequested", "health-visiting-a", NOW.minus(DAY), "request:2", null);
        record("a-pattern-already", "PatternDetected", "backbone", NOW.minus(DAY), "pattern:x", null);
        StreamAct today = record("school-today", "InformationShared", "school-a", NOW, "share:3", null);

        List<PatternDetected> found = detector.lookAfter(CHILD, today);

        assertThat(found).singleElement().satisfies(pattern -> {
            assertThat(pattern.getRule()).isEqualTo(PatternCatalogue.CONCERNS_FROM_SEVERAL_AGENCIES);
            assertThat(pattern.getContributingEventIds())
                    .containsExactly("gp-at-the-edge", "visitor-asks", "school-today");
            assertThat(pattern.getAddressedTo()).containsExactly("csc-a");
        });
        verify(kafka, times(1)).send(eq(Topics.PATTERNS), eq(CHILD), any());

        // the same act again (redelivered), or another in the same run of acts: nothing new to announce
        assertThat(detector.lookAfter(CHILD, today)).isEmpty();
        assertThat(detector.lookAfter(CHILD, new StreamAct("visitor-asks", "InformationRequested",
                "health-visiting-a", NOW.minus(DAY), "request:2", null))).isEmpty();
        verify(kafka, times(1)).send(eq(Topics.PATTERNS), eq(CHILD), any());
    }

    @Test
    void aRunGoingOn_isAnnouncedOnce_andAgainOnlyWhenWhatItCountsGrows() throws Exception {
        record("gp", "InformationShared", "gp-a", NOW.minus(Duration.ofDays(2)), "share:1", null);
        record("visitor", "InformationRequested", "health-visiting-a", NOW.minus(DAY), "request:2", null);
        StreamAct school = record("school", "InformationShared", "school-a", NOW, "share:3", null);
        assertThat(detector.lookAfter(CHILD, school)).singleElement()
                .satisfies(pattern -> assertThat(pattern.getDescription()).startsWith("3 agencies"));

        // the same three agencies go on sharing: the same run, growing; nothing new to tell the lead agency
        for (int n = 1; n <= 20; n++) {
            String agency = List.of("gp-a", "health-visiting-a", "school-a").get(n % 3);
            StreamAct again = record("again-" + n, "InformationShared", agency, NOW.plus(Duration.ofMinutes(n)),
                    "share:again-" + n, null);
            assertThat(detector.lookAfter(CHILD, again)).as("share %d by %s", n, agency).isEmpty();
        }
        // a fourth agency joins: that is news
        StreamAct police = record("police", "InformationShared", "police-a", NOW.plus(Duration.ofHours(1)),
                "share:4", null);
        assertThat(detector.lookAfter(CHILD, police)).singleElement()
                .satisfies(pattern -> assertThat(pattern.getDescription()).startsWith("4 agencies"));
        StreamAct gpAgain = record("gp-again", "InformationShared", "gp-a", NOW.plus(Duration.ofHours(2)),
                "share:5", null);
        assertThat(detector.lookAfter(CHILD, gpAgain)).isEmpty();
        verify(kafka, times(2)).send(eq(Topics.PATTERNS), eq(CHILD), any());
        assertThat(jdbc.queryForList("select counted from pattern_flag order by counted", Integer.class))
                .containsExactly(3, 4);
    }

    /** The embedded default's store; PostgresPatternDetectorTest runs the same on the production one. */
    DataSource store() {
        return new DriverManagerDataSource("jdbc:h2:mem:patterns-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa",
                "");
    }

    /** The rule, noting how many acts it was given to look at. */
    private PatternRule counting(PatternRule rule) {
        return new PatternRule() {
            @Override
            public String name() {
                return rule.name();
            }

            @Override
            public List<Detection> detect(List<StreamAct> acts, Instant now) {
                actsGiven.merge(rule.name(), acts.size(), Integer::sum);
                return rule.detect(acts, now);
            }

            @Override
            public Optional<Scope> scope(StreamAct act) {
                return rule.scope(act);
            }
        };
    }

    private StreamAct record(String id, String kind, String agency, Instant at, String subject, Instant dueAt) {
        insert(List.<Object[]>of(row(id, kind, agency, at, subject, dueAt)));
        return new StreamAct(id, kind, agency, at, subject, dueAt);
    }

    private static Object[] row(String id, String kind, String agency, Instant at, String subject, Instant dueAt) {
        return new Object[] {id, CHILD, at.atOffset(ZoneOffset.UTC), at.atOffset(ZoneOffset.UTC), agency, kind,
            kind + " (synthetic)", subject, dueAt == null ? null : dueAt.atOffset(ZoneOffset.UTC)};
    }

    private void insert(List<Object[]> rows) {
        jdbc.batchUpdate("insert into chronology_entry (event_id, child_id, occurred_at, recorded_at, agency, "
                + "event_type, summary, subject, due_at, source_topic, source_partition, source_offset) "
                + "values (?, ?, ?, ?, ?, ?, ?, ?, ?, 'test', 0, 0)", rows);
    }
}
