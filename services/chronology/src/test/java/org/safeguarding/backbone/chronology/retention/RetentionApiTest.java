package org.safeguarding.backbone.chronology.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.chronology.v1.ChildContentErased;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldPlaced;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldPurpose;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldReleased;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.chronology.retention.process.RetentionSweep;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * R18 over HTTP and Kafka: a partnership holds a child's records; an operator's order to erase them is refused
 * while the hold is open and goes ahead once it is released; the holds and the erasure go out on the chronology
 * topic, and the chronology's own entries about the child, those recorded before the erasure, read as erased, however
 * late they arrive.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class RetentionApiTest {

    private static final String CHILD = "9990001774";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired ChildKeys keys;
    @Autowired Sealing sealing;
    @Autowired RetentionSweep sweep;

    private ResultActions as(String agency, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(agency, "dev-only-" + agency)));
    }

    private static InformationShared share(String purpose, Instant recordedAt) {
        return share(CHILD, purpose, recordedAt);
    }

    private static InformationShared share(String child, String purpose, Instant recordedAt) {
        return InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                        .setOccurredAt(recordedAt.minusSeconds(60)).setRecordedAt(recordedAt)
                        .setActingAgency("school-a").setCorrelationId(UUID.randomUUID().toString()).build())
                .setShareId(UUID.randomUUID().toString()).setSenderAgency("school-a")
                .setRecipientAgencies(List.of("csc-a")).setPurpose(purpose)
                .setStatements(List.of(Statement.newBuilder().setText("The child said something").build())).build();
    }

    private List<String> summaries() {
        return summaries(CHILD);
    }

    /** The child's summaries, opened as the chronology reads them. */
    private List<String> summaries(String child) {
        return storedSummaries(child).stream().map(stored -> (String) RebuildChecks.opened(sealing, stored))
                .map(summary -> summary.replaceFirst("^opened:", "")).toList();
    }

    /** The child's summaries as the store holds them. */
    private List<String> storedSummaries(String child) {
        return jdbc.queryForList("select summary from chronology_entry where child_id = ? order by recorded_at",
                String.class, child);
    }

    @Test
    void aHeldChildIsNotErased_untilReleased_thenEveryEntryRecordedBeforeReadsAsErased() throws Exception {
        kafka.send(Topics.REFERRALS, CHILD, share("Worried about bruising", Instant.now().minusSeconds(3600))).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> summaries().size() == 1);
        assertThat(summaries().get(0)).contains("Worried about bruising");
        // kept sealed under the child's key (R18): the store holds none of what was said
        assertThat(storedSummaries(CHILD).get(0)).startsWith(SealedColumn.PREFIX).doesNotContain("bruising");

        as("csc-a", post("/api/children/{nhs}/legal-holds", CHILD).contentType(MediaType.APPLICATION_JSON)
                .content("{\"purpose\": \"REVIEW\", \"reference\": \"CSPR-0001\"}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.type").value(
                        org.hamcrest.Matchers.endsWith("not-a-partnership")));
        String holdId = com.jayway.jsonpath.JsonPath.read(as("partnership-a",
                post("/api/children/{nhs}/legal-holds", CHILD).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\": \"REVIEW\", \"reference\": \"CSPR-0001\"}"))
                .andExpect(status().isCreated()).andExpect(jsonPath("$.purpose").value("REVIEW"))
                .andReturn().getResponse().getContentAsString(), "$.holdId");

        as("operator", post("/operator/children/{nhs}/erasure", CHILD).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"retention ended\"}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("under-legal-hold")));
        as("csc-a", post("/operator/children/{nhs}/erasure", CHILD).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"retention ended\"}")).andExpect(status().isForbidden());
        as("operator", post("/operator/children/{nhs}/erasure", CHILD).contentType(MediaType.APPLICATION_JSON)
                .content("{}")).andExpect(status().isBadRequest());
        assertThat(summaries().get(0)).contains("Worried about bruising");

        as("csc-a", post("/api/children/{nhs}/legal-holds/{id}/release", CHILD, holdId))
                .andExpect(status().isForbidden());
        as("partnership-a", post("/api/children/{nhs}/legal-holds/{id}/release", CHILD, holdId)
                .contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Review published\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.holdId").value(holdId))
                .andExpect(jsonPath("$.by").value("partnership-a")).andExpect(jsonPath("$.releasedAt").isString());
        as("partnership-a", post("/api/children/{nhs}/legal-holds/{id}/release", CHILD, holdId))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("hold-already-released")));
        Instant before = Instant.now();
        as("operator", post("/operator/children/{nhs}/erasure", CHILD).contentType(MediaType.APPLICATION_JSON)
                .content("{\"reason\": \"retention ended\"}"))
                .andExpect(status().isAccepted()).andExpect(jsonPath("$.erasureId").isString());

        try (TopicReader<SpecificRecord> chronology = TopicReader.avro(Topics.CHRONOLOGY)) {
            List<ConsumerRecord<String, SpecificRecord>> orders = chronology.await(record -> CHILD.equals(
                    record.key()) && !(record.value() instanceof org.safeguarding.backbone.contracts.chronology.v1
                    .LeadAgenciesChanged), 3, Duration.ofSeconds(60));
            assertThat(orders).extracting(ConsumerRecord::value)
                    .hasExactlyElementsOfTypes(LegalHoldPlaced.class, LegalHoldReleased.class,
                            ChildContentErased.class);
            assertThat(((LegalHoldPlaced) orders.get(0).value()).getPurpose()).isEqualTo(LegalHoldPurpose.REVIEW);
            assertThat(((ChildContentErased) orders.get(2).value()).getReason()).isEqualTo("retention ended");
        }
        // the chronology carries the erasure out on its own entries, and on its own keys
        await().atMost(Duration.ofSeconds(60)).until(() -> summaries().get(0).startsWith("[erased on "));
        assertThat(summaries().get(0)).doesNotContain("bruising").endsWith(": retention ended]");
        assertThat(keys.lastErasures(List.of(CHILD))).containsKey(CHILD);

        // an act recorded before the erasure that arrives late is kept erased; one recorded after it, in clear
        kafka.send(Topics.REFERRALS, CHILD, share("Late arrival from before", before.minusSeconds(600))).get();
        kafka.send(Topics.REFERRALS, CHILD, share("Recorded after the erasure", Instant.now().plusSeconds(5))).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> summaries().size() == 3);
        assertThat(summaries()).noneMatch(summary -> summary.contains("Late arrival"));
        assertThat(summaries().get(2)).contains("Recorded after the erasure");
        as("csc-a", get("/api/children/{nhs}/chronology", CHILD)).andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].summary").value(org.hamcrest.Matchers.startsWith("[erased on ")));
    }

    /**
     * Erasure at the end of retention: the daily sweep orders erased the children whose records are all past their
     * period (25 years after the last act), not one whose last act is recent, nor one under a hold until released;
     * a child erased is not ordered again.
     */
    @Test
    void theSweepErasesChildrenPastTheirPeriod_butNotOneHeld_untilReleased() throws Exception {
        String past = "9990001804";
        String recent = "9990001812";
        String held = "9990001820";
        Instant longAgo = Instant.now().minus(Duration.ofDays(26 * 366));
        kafka.send(Topics.REFERRALS, past, share(past, "Said long ago", longAgo)).get();
        kafka.send(Topics.REFERRALS, recent, share(recent, "Said long ago", longAgo)).get();
        kafka.send(Topics.REFERRALS, recent, share(recent, "Said last week", Instant.now().minus(Duration.ofDays(7))))
                .get();
        kafka.send(Topics.REFERRALS, held, share(held, "Said long ago", longAgo)).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> summaries(past).size() + summaries(recent).size()
                + summaries(held).size() == 4);
        String holdId = com.jayway.jsonpath.JsonPath.read(as("partnership-a",
                post("/api/children/{nhs}/legal-holds", held).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"purpose\": \"INQUIRY\", \"reference\": \"Inquiry 0001\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString(), "$.holdId");

        RetentionSweep.Swept first = sweep.sweep(Instant.now());

        assertThat(first.ordered()).isEqualTo(1);
        assertThat(first.held()).isEqualTo(1);
        await().atMost(Duration.ofSeconds(60)).until(() -> summaries(past).get(0).startsWith("[erased on "));
        assertThat(summaries(past).get(0)).contains("retention ended");
        assertThat(summaries(recent)).allMatch(summary -> summary.contains("Said"));
        assertThat(summaries(held)).allMatch(summary -> summary.contains("Said long ago"));

        as("partnership-a", post("/api/children/{nhs}/legal-holds/{id}/release", held, holdId))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(60)).until(() -> keys.openHolds(held).isEmpty());
        assertThat(sweep.sweep(Instant.now())).as("the held child now, and not the one erased before")
                .isEqualTo(new RetentionSweep.Swept(1, 0));
        await().atMost(Duration.ofSeconds(60)).until(() -> summaries(held).get(0).startsWith("[erased on "));
        assertThat(sweep.sweep(Instant.now())).isEqualTo(new RetentionSweep.Swept(0, 0));
    }
}
