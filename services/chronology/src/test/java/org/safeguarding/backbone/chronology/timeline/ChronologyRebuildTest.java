package org.safeguarding.backbone.chronology.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.Mockito;
import org.safeguarding.backbone.chronology.timeline.integration.ChronologyRebuild;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyProjection;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyTables;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.kernel.rebuild.RebuildProgress.Stage;
import org.safeguarding.backbone.kernel.rebuild.RebuildProgress;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chronology rebuilt from the topics is the chronology, entry for entry, however often rebuilt, and reading it
 * goes on while it is. Compared for this test's child: the rebuild reads the topics from the beginning, and finds
 * there the acts other tests in this JVM sent, which this context's live chronology never had.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class ChronologyRebuildTest {

    private static final Instant T0 = Instant.parse("2026-08-03T09:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired Sealing sealing;
    @Autowired DataSource dataSource;
    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired ChronologyRebuild rebuild;

    /** This run's child (the PostgreSQL variant's acts are on the same topics, about another child). */
    String child() {
        return "9990001472";
    }

    @Test
    void droppedAndRebuiltFromTheTopics_theChronologyIsAsItWas_entryForEntry_andRebuildingAgainChangesNothing(
            CapturedOutput output) throws Exception {
        String child = child();
        // record ids are the child's own (in service they are UUIDs): the other variant's acts are on the same topics
        // a child's history across the topics: shares from three agencies (a pattern), an acknowledgement, feedback
        // owed, then a move to another area
        String share = "share-0901-" + child;
        kafka.send(Topics.REFERRALS, child, ChronologyTest.share(child, share, "school-a", List.of("csc-a"), T0))
                .get();
        kafka.send(Topics.REFERRALS, child, ChronologyTest.share(child, "share-0902-" + child, "gp-a",
                List.of("csc-a"), T0.plusSeconds(3600))).get();
        kafka.send(Topics.REFERRALS, child, ChronologyTest.share(child, "share-0903-" + child, "police-a",
                List.of("csc-a"), T0.plusSeconds(7200))).get();
        kafka.send(Topics.REFERRALS, child, ShareAcknowledged.newBuilder()
                .setEnvelope(ChronologyTest.envelope(child, "csc-a", T0.plusSeconds(600))).setShareId(share)
                .setRecipientAgency("csc-a").build()).get();
        kafka.send(Topics.FEEDBACK, child, FeedbackRequested.newBuilder()
                .setEnvelope(ChronologyTest.envelope(child, "school-a", T0.plusSeconds(60)))
                .setFeedbackId("fb-901-" + child).setShareId(share).setOwedBy("csc-a").setOwedTo("school-a")
                .setDueBy(LocalDate.parse("2099-01-01")).build()).get();
        // the pattern is found (and addressed to csc-a, the lead agency) before the child moves
        await().atMost(Duration.ofSeconds(60)).until(() -> entries(child) == 6);
        kafka.send(Topics.TRANSITIONS, child, ChronologyTest.transfer(child, "t-901-" + child, "school-a", "school-c",
                T0.plusSeconds(86_400))).get();
        // every act is in the live chronology (the pattern too) before it is dropped
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from chronology_entry where child_id = ?", Integer.class, child) == 7);
        List<String> before = store(child, false);
        List<String> shape = shape();
        assertThat(before).hasSizeGreaterThan(20);

        for (String table : ChronologyTables.BUILT_FROM_TOPICS) {
            jdbc.update("delete from " + table);
        }
        assertThat(entries(child)).isZero();
        // in polls of two records: what an act needs of those before it comes from the bulk load's memory across
        // polls, not only from within one
        ReflectionTestUtils.setField(rebuild, "pollRecords", 2);
        RebuildProgress first = rebuilt();
        ReflectionTestUtils.setField(rebuild, "pollRecords", 500);
        assertThat(output.getOut()).as("loaded in bulk, then keyed").contains("acts in bulk; indexing");
        assertThat(first.done()).isEqualTo(first.total()).isPositive();
        // which lead agencies were last announced is not on the topics: dropped, it is announced afresh
        assertThat(store(child, false)).as("the chronology rebuilt from the topics").containsExactlyElementsOf(before);
        assertThat(shape()).as("the keys and indexes the migrations made, by their names").isEqualTo(shape);

        // again, while a practitioner reads the child's chronology: every read answered, and the same; this time
        // recorded through the keyed tables from the start, as where the bulk would not fit in memory (the first was
        // loaded in bulk)
        ReflectionTestUtils.setField(rebuild, "bulkLoad", false);
        List<String> whole = store(child, true);
        String read = "200:" + json.readTree(mvc.perform(get("/api/children/{id}/chronology", child)
                .with(httpBasic("csc-a", "dev-only-csc-a"))).andReturn().getResponse().getContentAsString())
                .get("entries").size();
        // the shares to it, the acknowledgement, the feedback owed, the pattern; not the move between two schools
        assertThat(read).isEqualTo("200:6");
        AtomicBoolean reading = new AtomicBoolean(true);
        List<String> reads = new ArrayList<>();
        Thread reader = new Thread(() -> {
            while (reading.get()) {
                try {
                    var response = mvc.perform(get("/api/children/{id}/chronology", child)
                            .with(httpBasic("csc-a", "dev-only-csc-a"))).andReturn().getResponse();
                    reads.add(response.getStatus() + ":" + (response.getStatus() == 200
                            ? json.readTree(response.getContentAsString()).get("entries").size() : "-"));
                } catch (Exception e) {
                    reads.add("failed: " + e);
                }
            }
        });
        reader.start();
        // by the operator's command: started, refused while under way, followed to its end
        mvc.perform(post("/operator/rebuilds/chronology").with(httpBasic("operator", "dev-only-operator")))
                .andExpect(status().isAccepted())
                .andExpect(header().string("Location", "/operator/rebuilds/chronology"))
                .andExpect(jsonPath("$.stage").value("READING"));
        mvc.perform(post("/operator/rebuilds/chronology").with(httpBasic("operator", "dev-only-operator")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:rebuild-under-way"));
        await().atMost(Duration.ofMinutes(3)).untilAsserted(() -> mvc.perform(get("/operator/rebuilds/chronology")
                        .with(httpBasic("operator", "dev-only-operator")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.stage").value("DONE"))
                .andExpect(jsonPath("$.done").value((int) first.total()))
                .andExpect(jsonPath("$.total").value((int) first.total()))
                .andExpect(jsonPath("$.secondsLeft").value(0)));
        reading.set(false);
        reader.join();
        ReflectionTestUtils.setField(rebuild, "bulkLoad", true);
        assertThat(output.getOut()).contains("through its keyed tables (bulk loading is off)");
        assertThat(store(child, true)).as("rebuilt again, nothing dropped").containsExactlyElementsOf(whole);
        assertThat(reads).isNotEmpty().containsOnly(read);

        // a rebuild whose recording fails (on the thread that records): it says so, and the live chronology, and
        // what it answers, are as they were; nothing is left beside it
        Object projection = ReflectionTestUtils.getField(rebuild, "projection");
        ChronologyProjection failing = Mockito.mock(ChronologyProjection.class);
        Mockito.doThrow(new IllegalStateException("the store is full (synthetic)")).when(failing)
                .load(Mockito.anyList(), Mockito.any());
        ReflectionTestUtils.setField(rebuild, "projection", failing);
        try {
            rebuild.start();
            RebuildProgress failed = rebuild.awaitEnd(Duration.ofMinutes(3).toMillis());
            assertThat(failed.stage()).isEqualTo(Stage.FAILED);
            assertThat(failed.problem()).contains("the store is full (synthetic)");
        } finally {
            ReflectionTestUtils.setField(rebuild, "projection", projection);
        }
        assertThat(store(child, true)).as("the live chronology as it was").containsExactlyElementsOf(whole);
        assertThat(jdbc.queryForList("select table_name from information_schema.tables where table_schema = "
                + "current_schema and lower(table_name) like '%\\_rebuild' escape '\\'", String.class))
                .as("nothing left beside it").isEmpty();

        // operators only: not an agency, not anyone; and only the projections there are
        mvc.perform(post("/operator/rebuilds/chronology").with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/operator/rebuilds/chronology")).andExpect(status().isUnauthorized());
        mvc.perform(get("/operator/rebuilds/everything").with(httpBasic("operator", "dev-only-operator")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unknown-projection"));
        mvc.perform(get("/api/children/{id}/chronology", child).with(httpBasic("operator", "dev-only-operator")))
                .andExpect(status().isForbidden());
    }

    private RebuildProgress rebuilt() throws InterruptedException {
        rebuild.start();
        RebuildProgress progress = rebuild.awaitEnd(Duration.ofMinutes(3).toMillis());
        assertThat(progress.stage()).as(String.valueOf(progress.problem())).isEqualTo(Stage.DONE);
        assertThat(progress.endedAt()).isNotNull();
        return progress;
    }

    private int entries(String child) {
        return jdbc.queryForObject("select count(*) from chronology_entry where child_id = ?", Integer.class, child);
    }

    /** The child's rows of the tables built from the topics, as text, in order; with or without the leads announced. */
    private List<String> store(String child, boolean withAnnounced) {
        List<String> rows = new ArrayList<>();
        for (String table : ChronologyTables.BUILT_FROM_TOPICS) {
            rows.addAll(new TreeSet<>(jdbc.query("select * from " + table + " where child_id = ?", (row, n) -> {
                StringBuilder text = new StringBuilder(table).append(':');
                for (int column = 1; column <= row.getMetaData().getColumnCount(); column++) {
                    if (!withAnnounced && "announced_leads".equalsIgnoreCase(row.getMetaData().getColumnName(column))) {
                        continue;
                    }
                    // a summary sealed under the child's key (R18) is sealed afresh each time it is written
                    Object value = RebuildChecks.opened(sealing, row.getObject(column));
                    text.append(row.getMetaData().getColumnName(column).toLowerCase(Locale.ROOT)).append('=')
                            .append(value instanceof java.time.OffsetDateTime at ? at.toInstant() : value)
                            .append(';');
                }
                return text.toString();
            }, child)));
        }
        return rows;
    }

    /** The primary keys and indexes of those tables, by name and columns; and which columns may not be null. */
    private List<String> shape() throws Exception {
        List<String> shape = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            for (String table : ChronologyTables.BUILT_FROM_TOPICS) {
                String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet keys = meta.getPrimaryKeys(null, connection.getSchema(), stored)) {
                    while (keys.next()) {
                        shape.add(table + " key " + keys.getString("PK_NAME") + " " + keys.getString("COLUMN_NAME"));
                    }
                }
                try (ResultSet index = meta.getIndexInfo(null, connection.getSchema(), stored, false, false)) {
                    while (index.next()) {
                        // H2 names the primary key's own index afresh; PostgreSQL after the key
                        if (!index.getString("INDEX_NAME").toUpperCase(Locale.ROOT).startsWith("PRIMARY_KEY")) {
                            shape.add(table + " index " + index.getString("INDEX_NAME") + " "
                                    + index.getString("COLUMN_NAME"));
                        }
                    }
                }
                try (ResultSet column = meta.getColumns(null, connection.getSchema(), stored, null)) {
                    while (column.next()) {
                        shape.add(table + " column " + column.getString("COLUMN_NAME") + " "
                                + column.getString("TYPE_NAME") + " " + column.getString("IS_NULLABLE"));
                    }
                }
            }
        }
        shape.sort(null);
        return shape;
    }
}
