package org.safeguarding.backbone.referrals.share.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
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
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12: an event the publisher can never publish (here: larger than the producer may send) holds the publisher
 * up, and says so; an operator parks it, the publisher goes on, and the event waits off Kafka until republished.
 */
@SpringBootTest(properties = "spring.kafka.producer.properties.max.request.size=65536")
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its publisher must not go on publishing from this store once the class is done
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class PublisherParkingTest {

    private static final String CHILD = "9990001685";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;

    private static RequestPostProcessor operator() {
        return httpBasic("operator", "dev-only-operator");
    }

    private String share(String body) throws Exception {
        return json.readTree(mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();
    }

    private JsonNode publisher() throws Exception {
        return json.readTree(mvc.perform(get("/operator/publisher").with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void anEventThatCanNeverBePublished_isReported_parkedByAnOperator_andThePublisherGoesOn() throws Exception {
        // 20 statements of 4,000 characters: about 80 KB, over the 64 KB this producer may send
        String statement = "{\"text\": \"" + "Recorded at length. ".repeat(200) + "\", \"kind\": \"FACT\", "
                + "\"currency\": \"CURRENT\", \"source\": \"Attendance register\", \"verification\": \"VERIFIED\", "
                + "\"verifiedBy\": \"Attendance officer\"}";
        String valid = VALID.replace(ShareApiTest.CHILD, CHILD);
        String big = valid.substring(0, valid.indexOf("\"statements\": [")) + "\"statements\": ["
                + String.join(", ", Collections.nCopies(20, statement)) + "],\n "
                + valid.substring(valid.indexOf("\"childVoice\""));
        assertThat(big).as("the share was made big").hasSizeGreaterThan(80_000);
        String bigShare = share(big);

        JsonNode stuck = await().atMost(Duration.ofSeconds(60)).until(() -> publisher().get("stuck"),
                node -> node != null && !node.isNull() && node.get("aggregateId").asString().equals(bigShare));
        String eventId = stuck.get("eventId").asString();
        assertThat(stuck.get("reason").asString()).contains("RecordTooLargeException");
        assertThat(stuck.get("attempts").asInt()).isPositive();
        // what comes after it waits
        String next = share(VALID.replace(ShareApiTest.CHILD, CHILD));
        // only the event the publisher is stuck on can be parked; agencies cannot call this at all
        mvc.perform(post("/operator/publisher/parked").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"eventId\": \"not-the-stuck-one\"}").with(operator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-stuck"));
        mvc.perform(get("/operator/publisher").with(as("csc-a"))).andExpect(status().isForbidden());

        mvc.perform(post("/operator/publisher/parked").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"eventId\": \"" + eventId + "\"}").with(operator()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.eventId").value(eventId))
                .andExpect(jsonPath("$.parkedBy").value("operator"));

        try (TopicReader<SpecificRecord> referrals = TopicReader.avro(Topics.REFERRALS)) {
            assertThat(referrals.await(r -> r.value() instanceof InformationShared s
                    && s.getShareId().equals(next), 1, Duration.ofSeconds(60))).as("the publisher went on").hasSize(1);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> publisher().get("stuck").isNull());
        JsonNode parked = publisher().get("parked").get(0);
        assertThat(parked.get("eventId").asString()).isEqualTo(eventId);
        assertThat(parked.get("republishedAt").isNull()).as("not on Kafka").isTrue();

        // it still cannot be published: it stays parked, and the operator is told why
        mvc.perform(post("/operator/publisher/parked/{id}/republish", eventId).with(operator()))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-publishable"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("RecordTooLarge")));
    }

    @Test
    void aParkedEventIsRepublishedOnceTheCauseIsFixed() throws Exception {
        // parked earlier (as if the cause has since been fixed by a release): an event of a share of normal size
        String shareId = share(VALID.replace(ShareApiTest.CHILD, CHILD));
        String eventId = jdbc.queryForObject("select event_identifier from domain_event_entry where "
                + "aggregate_identifier = ? and sequence_number = 0", String.class, shareId);
        try (TopicReader<SpecificRecord> referrals = TopicReader.avro(Topics.REFERRALS)) {
            assertThat(referrals.await(r -> r.value() instanceof InformationShared s
                    && s.getEnvelope().getEventId().equals(eventId), 1, Duration.ofSeconds(60))).hasSize(1);
        }
        jdbc.update("insert into parked_event (event_id, event_type, aggregate_id, sequence_number, reason, parked_by,"
                + " parked_at) values (?, 'InformationShared', ?, 0, 'RecordTooLargeException', 'operator', ?)",
                eventId, shareId, Timestamp.from(Instant.now()));

        mvc.perform(post("/operator/publisher/parked/{id}/republish", eventId).with(operator()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.republishedBy").value("operator"))
                .andExpect(jsonPath("$.republishedAt").exists());
        try (TopicReader<SpecificRecord> referrals = TopicReader.avro(Topics.REFERRALS)) {
            List<ConsumerRecord<String, SpecificRecord>> copies = referrals.await(r -> r.value()
                    instanceof InformationShared s && s.getEnvelope().getEventId().equals(eventId), 2,
                    Duration.ofSeconds(60));
            assertThat(copies).as("published as it happened, and again: consumers act on it once").hasSize(2);
        }
        mvc.perform(post("/operator/publisher/parked/{id}/republish", eventId).with(operator()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-parked"));
    }
}
