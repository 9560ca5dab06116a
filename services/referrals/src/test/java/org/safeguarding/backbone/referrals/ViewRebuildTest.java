package org.safeguarding.backbone.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The service's own views, dropped and rebuilt from its event store by an operator, are what they were, row for row,
 * with the keys, indexes and foreign key the migrations made; and calls go on while a view is rebuilt: every read is
 * answered, and nothing recorded meanwhile is lost in the switch (issue 8, part 1).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ViewRebuildTest {

    /** Each view, and its tables (a table before those whose foreign keys refer to it). */
    private static final Map<String, List<String>> VIEWS = new LinkedHashMap<>();

    static {
        VIEWS.put("share-view", List.of("share_view", "share_view_recipient", "share_view_thread",
                "share_view_correction", "share_view_verification"));
        VIEWS.put("request-view", List.of("request_view"));
        VIEWS.put("decision-view", List.of("decision_view"));
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Sealing sealing;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;

    @Test
    void droppedAndRebuiltFromTheEventStore_eachViewIsAsItWas_andRebuildingWhileCalledLosesNothing()
            throws Exception {
        // a share through its life: acknowledged, read, understood, a question answered, its use recorded
        String share = share();
        call("/api/shares/{id}/acknowledgements", "{}", "csc-a", share);
        call("/api/shares/{id}/read", "{}", "gp-a", share);
        call("/api/shares/{id}/clarifications", "{\"question\": \"Which days?\", \"questionId\": \"q-1\"}", "gp-a",
                share);
        call("/api/shares/{id}/clarifications/{q}/answer", "{\"answer\": \"Mondays and Fridays\"}", "school-a",
                share, "q-1");
        call("/api/shares/{id}/understanding", "{}", "gp-a", share);
        call("/api/shares/{id}/uses", "{\"howUsed\": \"Discussed at the strategy meeting\"}", "csc-a", share);
        // corrected, the correction acknowledged by one recipient, a statement corroborated later; another withdrawn
        call("/api/shares/{id}/corrections", """
                {"statementIndex": 0, "reason": "One absence was authorised",
                 "corrected": {"text": "Absent 5 of the last 10 school days", "kind": "FACT", "currency": "CURRENT",
                               "source": "Register", "verification": "UNVERIFIED"}}""", "school-a", share);
        call("/api/shares/{id}/corrections/1/acknowledgement", "{}", "csc-a", share);
        call("/api/shares/{id}/statements/0/verification",
                "{\"verification\": \"CORROBORATED\", \"verifiedBy\": \"Home visit (synthetic)\"}", "gp-a", share);
        call("/api/shares/{id}/withdrawal", "{\"reason\": \"Wrong child\"}", "school-a", share());
        // a request declined, another open; a decision not to share
        String declined = request("gp-a");
        call("/api/requests/{id}/decline", "{\"decidedBy\": \"Dr Example (synthetic)\", \"reasons\": \"None held\"}",
                "gp-a", declined);
        request("police-a");
        call("/api/decisions/not-to-share", """
                {"child": {"nhsNumber": "9990000131"}, "decidedBy": "HV One (synthetic)",
                 "consideredAgencies": ["csc-a"], "reasons": "Threshold not met; early help offered"}""",
                "health-visiting-a");
        for (int i = 0; i < 40; i++) {
            share();
        }

        Map<String, List<String>> before = rows();
        Map<String, List<String>> shape = shape();
        assertThat(before.get("share_view")).hasSize(42);
        assertThat(before.get("share_view_recipient")).hasSize(84);
        assertThat(before.get("share_view_thread")).hasSize(3);
        assertThat(before.get("share_view_correction")).hasSize(2);
        assertThat(before.get("share_view_verification")).hasSize(1);
        assertThat(before.get("request_view")).hasSize(2);
        assertThat(before.get("decision_view")).hasSize(1);

        // the views dropped: nothing to read
        jdbc.update("delete from share_view_recipient");
        jdbc.update("delete from share_view_thread");
        jdbc.update("delete from share_view_correction");
        jdbc.update("delete from share_view_verification");
        jdbc.update("delete from share_view");
        jdbc.update("delete from request_view");
        jdbc.update("delete from decision_view");
        mvc.perform(get("/api/shares/{id}", share).with(as("school-a"))).andExpect(status().isNotFound());

        for (String view : VIEWS.keySet()) {
            JsonNode done = json.readTree(RebuildChecks.rebuild(mvc, view));
            assertThat(done.get("done").asLong()).isEqualTo(done.get("total").asLong()).isPositive();
        }
        assertThat(rows()).as("the views rebuilt from the event store").isEqualTo(before);
        assertThat(shape()).as("the keys, indexes and foreign keys the migrations made, by their names")
                .isEqualTo(shape);

        // again, while agencies read and share: every read answered, every share made meanwhile in the view
        AtomicBoolean going = new AtomicBoolean(true);
        List<String> made = new CopyOnWriteArrayList<>();
        List<Integer> reads = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> calls = CompletableFuture.runAsync(() -> {
            try {
                while (going.get()) {
                    made.add(share());
                    reads.add(mvc.perform(get("/api/shares/{id}", share).with(as("csc-a")))
                            .andReturn().getResponse().getStatus());
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        // shares being made before the rebuild starts, and still after it has switched
        await().atMost(Duration.ofSeconds(30)).until(() -> made.size() >= 3);
        RebuildChecks.rebuild(mvc, "share-view");
        int whenSwitched = made.size();
        await().atMost(Duration.ofSeconds(30)).until(() -> made.size() >= whenSwitched + 3);
        going.set(false);
        calls.get(60, TimeUnit.SECONDS);

        assertThat(made).isNotEmpty();
        assertThat(reads).isNotEmpty().containsOnly(200);
        List<String> inView = jdbc.queryForList("select share_id from share_view", String.class);
        assertThat(inView).as("every share made while the view was rebuilt").containsAll(made).hasSize(42
                + made.size());
        for (String id : made) {
            mvc.perform(get("/api/shares/{id}", id).with(as("gp-a"))).andExpect(status().isOk());
        }
        Map<String, List<String>> after = rows();
        assertThat(after.get("request_view")).isEqualTo(before.get("request_view"));
        assertThat(after.get("share_view")).containsAll(before.get("share_view"));
        assertThat(shape()).isEqualTo(shape);
    }

    @Test
    void onlyOperatorsRebuild_andAnUnknownViewIsNamed() throws Exception {
        mvc.perform(post("/operator/rebuilds/share-view").with(as("csc-a"))).andExpect(status().isForbidden());
        mvc.perform(post("/operator/rebuilds/share-view")).andExpect(status().isUnauthorized());
        mvc.perform(post("/operator/rebuilds/chronology").with(RebuildChecks.operator()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unknown-projection"))
                .andExpect(jsonPath("$.detail").value("This service has no projection named 'chronology'; it "
                        + "rebuilds: decision-view, request-view, share-view."));
        mvc.perform(get("/operator/rebuilds").with(RebuildChecks.operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$['share-view'].projection").value("share-view"));
    }

    private String share() throws Exception {
        String body = mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(VALID)
                        .with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("shareId").asString();
    }

    private String request(String holder) throws Exception {
        String body = mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("""
                        {"child": {"nhsNumber": "9990000123"}, "holderAgency": "%s",
                         "requestedBy": "A. Teacher (synthetic)", "whyNeeded": "To understand the child's weight loss",
                         "concern": "The child says they are often not given meals", "respondBy": "%s"}"""
                        .formatted(holder, LocalDate.now().plusDays(5))).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("requestId").asString();
    }

    private void call(String path, String body, String agency, Object... ids) throws Exception {
        MockHttpServletRequestBuilder call = post(path, ids).contentType(MediaType.APPLICATION_JSON).content(body)
                .with(as(agency));
        int status = mvc.perform(call).andReturn().getResponse().getStatus();
        assertThat(status).as(path).isBetween(200, 299);
    }

    /** Each view table's primary key, indexes and foreign keys, by name. */
    private Map<String, List<String>> rows() {
        return RebuildChecks.rows(jdbc, sealing, VIEWS.values().stream().flatMap(List::stream).toList());
    }

    /** Each view table's primary key, indexes and foreign keys, by name. */
    private Map<String, List<String>> shape() throws Exception {
        Map<String, List<String>> shape = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String schema = connection.getSchema();
            for (String table : VIEWS.values().stream().flatMap(List::stream).toList()) {
                TreeSet<String> names = new TreeSet<>();
                String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet keys = meta.getPrimaryKeys(null, schema, stored)) {
                    while (keys.next()) {
                        names.add("pk " + keys.getString("PK_NAME") + " " + keys.getString("COLUMN_NAME"));
                    }
                }
                try (ResultSet index = meta.getIndexInfo(null, schema, stored, false, false)) {
                    while (index.next()) {
                        // H2 names the primary key's own index itself (PRIMARY_KEY_nn): nothing refers to it
                        if (index.getString("INDEX_NAME") == null || index.getString("INDEX_NAME").startsWith("PRIMARY_KEY")) {
                            continue;
                        }
                        names.add("index " + index.getString("INDEX_NAME") + " " + index.getString("COLUMN_NAME"));
                    }
                }
                try (ResultSet foreign = meta.getImportedKeys(null, schema, stored)) {
                    while (foreign.next()) {
                        names.add("fk " + foreign.getString("FK_NAME") + " " + foreign.getString("FKCOLUMN_NAME")
                                + " -> " + foreign.getString("PKTABLE_NAME"));
                    }
                }
                shape.put(table, new ArrayList<>(names));
            }
        }
        return shape;
    }
}
