package org.safeguarding.backbone.referrals.childkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.testsupport.SyntheticNhsNumbers;
import org.springframework.kafka.core.KafkaTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.backbone.referrals.share.api.ShareEvents;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.ErasureOrders;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, part 6 (R18): what a share says is stored in the event store sealed under the child's key, and once the
 * child's keys are erased the log keeps its shape and its chain, the share still answers commands, and its text reads
 * as erased, saying when.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class SealedAtRestTest {

    private static final String CHILD = "9990001790";
    private static final List<String> WHAT_THE_SHARE_SAYS = List.of("Absent 6 of the last 10 school days",
            "Concern about repeated unexplained absences and a disclosure in class", "like going home on Fridays",
            "Parent One (synthetic)", "S-0002", "Parent agreed at a meeting", "Attendance register");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore events;
    @Autowired ChildKeys keys;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired SealedRecords sealed;

    private String share() throws Exception {
        return share(CHILD);
    }

    private String share(String child) throws Exception {
        return json.readTree(mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace(ShareApiTest.CHILD, child)).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();
    }

    private String storedPayloads(String shareId) {
        return String.join("\n", jdbc.queryForList("select payload from domain_event_entry where "
                + "aggregate_identifier = ? order by sequence_number", byte[].class, shareId).stream()
                .map(payload -> new String(payload, StandardCharsets.UTF_8)).toList());
    }

    @Test
    void theEventStoreHoldsWhatTheShareSaysOnlySealed_andTheServiceReadsItBack() throws Exception {
        String shareId = share();

        String stored = storedPayloads(shareId);
        assertThat(stored).contains("\"$sealed\":\"v1.", CHILD, "school-a", "csc-a", "EXPOSURE_TO_HARM");
        for (String text : WHAT_THE_SHARE_SAYS) {
            assertThat(stored).as("stored in clear: " + text).doesNotContain(text);
        }

        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.statements[0].text").value("Absent 6 of the last 10 school days"))
                .andExpect(jsonPath("$.childVoice.whatTheChildSaid").value("I don't like going home on Fridays"));
        ShareEvents.InformationShared shared = (ShareEvents.InformationShared) events.readEvents(shareId)
                .asStream().findFirst().orElseThrow().getPayload();
        assertThat(shared.purpose()).isEqualTo("Concern about repeated unexplained absences and a disclosure in class");
        assertThat(shared.details().relatedPeople().get(0).name()).isEqualTo("Parent One (synthetic)");
    }

    /**
     * The record on the service's topic, kept there for 25 years, carries what the share says sealed under the
     * child's key, ids and agencies in clear; the backbone's consumers open it back ({@link SealedRecords}), or read
     * it as erased once the child's keys are.
     */
    @Test
    void theRecordOnTheServicesTopicCarriesWhatTheShareSaysOnlySealed_andAConsumerOpensItBack() throws Exception {
        String child = "9990001855";
        String shareId;
        List<ConsumerRecord<String, byte[]>> onTheWire;
        List<ConsumerRecord<String, SpecificRecord>> decoded;
        try (TopicReader<byte[]> raw = TopicReader.raw(Topics.REFERRALS);
             TopicReader<SpecificRecord> avro = TopicReader.avro(Topics.REFERRALS)) {
            shareId = share(child);
            onTheWire = raw.await(record -> child.equals(record.key()), 1, Duration.ofSeconds(30));
            decoded = avro.await(record -> child.equals(record.key()), 1, Duration.ofSeconds(30));
        }
        assertThat(onTheWire).hasSize(1);
        String bytes = new String(onTheWire.get(0).value(), StandardCharsets.UTF_8);
        assertThat(bytes).contains(shareId, "school-a", "csc-a", SealedColumn.PREFIX + "v1.");
        for (String text : WHAT_THE_SHARE_SAYS) {
            assertThat(bytes).as("on the topic in clear: " + text).doesNotContain(text);
        }

        InformationShared shared = (InformationShared) decoded.get(0).value();
        assertThat(shared.getPurpose()).startsWith(SealedColumn.PREFIX);
        sealed.open(shared);
        assertThat(shared.getPurpose()).isEqualTo(
                "Concern about repeated unexplained absences and a disclosure in class");
        assertThat(shared.getStatements().get(0).getText()).isEqualTo("Absent 6 of the last 10 school days");
        assertThat(shared.getRelatedPeople().get(0).getName()).isEqualTo("Parent One (synthetic)");

        Instant erasedAt = Instant.now();
        keys.erase(child, "retention ended", erasedAt);
        try (TopicReader<SpecificRecord> avro = TopicReader.avro(Topics.REFERRALS)) {
            InformationShared reread = (InformationShared) avro.await(record -> child.equals(record.key()), 1,
                    Duration.ofSeconds(30)).get(0).value();
            sealed.open(reread);
            assertThat(reread.getPurpose()).startsWith("[erased on ").endsWith(": retention ended]");
            assertThat(reread.getShareId()).isEqualTo(shareId);
        }
    }

    @Test
    void onceTheChildIsErased_theLogKeepsItsShapeAndChain_theShareStillAnswers_andItsTextSaysWhenItWasErased()
            throws Exception {
        String shareId = share();
        String before = storedPayloads(shareId);

        keys.erase(CHILD, "retention ended", Instant.parse("2051-03-01T02:00:00Z"));

        assertThat(storedPayloads(shareId)).as("the stored bytes are untouched").isEqualTo(before);
        ShareEvents.InformationShared shared = (ShareEvents.InformationShared) events.readEvents(shareId)
                .asStream().findFirst().orElseThrow().getPayload();
        assertThat(shared.purpose()).isEqualTo("[erased on 2051-03-01: retention ended]");
        assertThat(shared.statements().get(0).text()).isEqualTo("[erased on 2051-03-01: retention ended]");
        assertThat(shared.details().childVoice().whatTheChildSaid()).startsWith("[erased on 2051-03-01");
        assertThat(shared.senderAgency()).isEqualTo("school-a");
        assertThat(shared.recipientAgencies()).containsExactly("csc-a", "gp-a");

        // the aggregate is loaded from its erased events, and records what happens next
        mvc.perform(post("/api/shares/{id}/read", shareId).with(as("csc-a"))).andExpect(status().isOk());
        mvc.perform(get("/operator/event-chain").with(httpBasic("operator", "dev-only-operator")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.intact").value(true));
    }

    @Test
    void theChronologysOrderToErase_reachesThisServicesKeys_andItsViews_whichKeepEverythingButTheText()
            throws Exception {
        String child = "9990001766";
        String shareId = share(child);
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(as("csc-a"))).andExpect(status().isOk());

        Instant erasedAt = Instant.now();
        kafka.send(Topics.CHRONOLOGY, child, ErasureOrders.erasure(child, erasedAt, "retention ended")).get();

        String erased = ErasureOrders.erasedText(erasedAt, "retention ended");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a"))).andExpect(status().isOk())
                        .andExpect(jsonPath("$.statements[0].text").value(erased)));
        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value(erased))
                .andExpect(jsonPath("$.childVoice.whatTheChildSaid").value(erased))
                .andExpect(jsonPath("$.relatedPeople[0].name").value(erased))
                .andExpect(jsonPath("$.sender.agency").value("school-a"))
                .andExpect(jsonPath("$.childLocalIds['school-a-records']").value(erased))
                .andExpect(jsonPath("$.recipients[?(@.agency == 'csc-a')].status").value("ACKNOWLEDGED"));
        String views = String.join("\n", jdbc.queryForList("select cast(purpose as varchar(4000)) || ' ' || "
                + "cast(content_json as varchar(100000)) from share_view where child_id = ?", String.class, child));
        for (String text : WHAT_THE_SHARE_SAYS) {
            assertThat(views).as("left in the share view: " + text).doesNotContain(text);
        }
        assertThat(keys.lastErasures(List.of(child))).containsKey(child);
    }

    /**
     * The views keep what was said sealed under the child's key too (R18): every text column of every view of this
     * service, read from the store as a reader of its files would, holds none of it, and the API reads it all back.
     * Once the child's keys are erased, the same stored values open to the erasure, before any rewrite.
     */
    @Test
    void theViewsHoldWhatWasSaidOnlySealed_andReadItBack_untilTheChildIsErased() throws Exception {
        String child = "9990001812";
        String shareId = share(child);
        mvc.perform(post("/api/shares/{id}/clarifications", shareId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\": \"Which Fridays did the child name?\"}").with(as("csc-a")))
                .andExpect(status().isCreated());
        mvc.perform(post("/api/shares/{id}/withdrawal", shareId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"Shared before the meeting with the parent\"}").with(as("school-a")))
                .andExpect(status().isOk());
        String requestId = json.readTree(mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON)
                .content("""
                        {"child": {"nhsNumber": "%s"}, "holderAgency": "gp-a", "requestedBy": "A. Teacher (synthetic)",
                         "whyNeeded": "To understand the child's recent weight loss",
                         "concern": "The child says they are often not given meals", "respondBy": "%s"}"""
                        .formatted(child, java.time.LocalDate.now().plusDays(5))).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("requestId").asString();
        mvc.perform(post("/api/requests/{id}/decline", requestId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decidedBy\": \"Dr Example (synthetic)\", \"reasons\": \"No records of weight held\"}")
                .with(as("gp-a"))).andExpect(status().isOk());
        String decisionId = json.readTree(mvc.perform(post("/api/decisions/not-to-share")
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"child": {"nhsNumber": "%s"}, "decidedBy": "HV One (synthetic)",
                         "consideredAgencies": ["csc-a"], "reasons": "Threshold not met; early help offered"}"""
                        .formatted(child)).with(as("health-visiting-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("decisionId").asString();
        List<String> said = new ArrayList<>(WHAT_THE_SHARE_SAYS);
        said.addAll(List.of("Which Fridays did the child name?", "Shared before the meeting with the parent",
                "recent weight loss", "often not given meals", "No records of weight held", "Threshold not met"));

        String views = viewsOf(child);
        assertThat(views).contains(SealedColumn.PREFIX + "v1.", "school-a", "csc-a");
        for (String text : said) {
            assertThat(views).as("in clear in a view: " + text).doesNotContain(text);
        }
        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value(WHAT_THE_SHARE_SAYS.get(1)))
                .andExpect(jsonPath("$.statements[0].text").value(WHAT_THE_SHARE_SAYS.get(0)))
                .andExpect(jsonPath("$.thread[0].text").value("Which Fridays did the child name?"))
                .andExpect(jsonPath("$.withdrawalReason").value("Shared before the meeting with the parent"));
        mvc.perform(get("/api/requests/{id}", requestId).with(as("school-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.concern").value("The child says they are often not given meals"));
        mvc.perform(get("/api/decisions/{id}", decisionId).with(as("health-visiting-a")))
                .andExpect(jsonPath("$.reasons").value("Threshold not met; early help offered"));

        keys.erase(child, "retention ended", Instant.parse("2051-03-01T02:00:00Z"));

        assertThat(viewsOf(child)).as("the stored values are as they were").isEqualTo(views);
        String erased = "[erased on 2051-03-01: retention ended]";
        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value(erased))
                .andExpect(jsonPath("$.statements[0].text").value(erased))
                .andExpect(jsonPath("$.relatedPeople[0].name").value(erased))
                .andExpect(jsonPath("$.thread[0].text").value(erased))
                .andExpect(jsonPath("$.withdrawalReason").value(erased))
                .andExpect(jsonPath("$.sender.agency").value("school-a"));
        mvc.perform(get("/api/decisions/{id}", decisionId).with(as("health-visiting-a")))
                .andExpect(jsonPath("$.reasons").value(erased));
        mvc.perform(get("/api/requests/{id}", requestId).with(as("school-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.concern").value(erased))
                .andExpect(jsonPath("$.whyNeeded").value(erased))
                .andExpect(jsonPath("$.holderAgency").value("gp-a"));
    }

    /**
     * A view row written in clear by a version from before the views were sealed reads as it was, and is sealed
     * once the operator rebuilds the view (docs/operations.md, "Upgrades"): the rebuild writes every row again.
     */
    @Test
    void aViewRowWrittenBeforeSealing_readsAsItWas_andIsSealedWhenTheViewIsRebuilt() throws Exception {
        String shareId = share("9990001847");
        jdbc.update("update share_view set purpose = ? where share_id = ?", "Written in clear by an earlier version",
                shareId);
        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value("Written in clear by an earlier version"));

        RebuildChecks.rebuild(mvc, "share-view");

        assertThat(jdbc.queryForObject("select purpose from share_view where share_id = ?", String.class, shareId))
                .startsWith(SealedColumn.PREFIX).doesNotContain("Concern");
        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.purpose").value(WHAT_THE_SHARE_SAYS.get(1)));
    }

    /** Every column of every row of this service's views about {@code child}, as the store holds them. */
    private String viewsOf(String child) {
        List<String> rows = new ArrayList<>();
        for (String query : List.of("select * from share_view where child_id = ?",
                "select t.* from share_view_thread t join share_view s on s.share_id = t.share_id where s.child_id = ?",
                "select c.* from share_view_correction c join share_view s on s.share_id = c.share_id "
                        + "where s.child_id = ?",
                "select * from request_view where child_id = ?",
                "select * from decision_view where child_id = ?")) {
            jdbc.queryForList(query, child).forEach(row -> rows.add(row.toString()));
        }
        return String.join("\n", rows);
    }

    /**
     * Shares about new children posted at once, more than the service's connection pool holds: each makes its child's
     * key while its transaction holds a connection, and none waits on another for one (found under LoadBenchmark's
     * 16 clients: 503s once the pool was exhausted).
     */
    @Test
    void manySharesAboutNewChildren_atOnce_areAllRecorded() throws Exception {
        List<String> children = SyntheticNhsNumbers.from(999000200L, 24);
        ExecutorService clients = Executors.newFixedThreadPool(children.size());
        try {
            List<Future<Integer>> posted = new ArrayList<>();
            for (String child : children) {
                posted.add(clients.submit(() -> mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace(ShareApiTest.CHILD, child)).with(as("school-a")))
                        .andReturn().getResponse().getStatus()));
            }
            for (Future<Integer> status : posted) {
                assertThat(status.get(90, TimeUnit.SECONDS)).isEqualTo(201);
            }
        } finally {
            clients.shutdownNow();
        }
    }
}
