package org.safeguarding.backbone.chronology.review;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.access.v1.ChildDataRead;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * The lawful way for a review panel to read a child's history (R15): a safeguarding partnership opens a review for a
 * reviewer, who reads every act in the period covered while the review is open and unexpired; every read, and every
 * refusal, is on the access log with the review's id, which the lead agency and the reviewer can read.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ReviewApiTest {

    private static final String CHILD = "9990001316";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Sealing sealing;
    @Autowired JsonMapper json;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;

    private void shared(String from, String to, Instant at) throws Exception {
        kafka.send(Topics.REFERRALS, CHILD, InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(CHILD)
                        .setOccurredAt(at).setRecordedAt(at).setActingAgency(from).setCorrelationId("c").build())
                .setShareId(UUID.randomUUID().toString()).setSenderAgency(from).setRecipientAgencies(List.of(to))
                .setPurpose("Concern raised by " + from)
                .setStatements(List.of(Statement.newBuilder().setText("Seen with a bruise").build())).build()).get();
    }

    private ResultActions as(String agency, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
            request) throws Exception {
        return mvc.perform(request.with(httpBasic(agency, "dev-only-" + agency)));
    }

    private String open(Instant expires) throws Exception {
        String key = "review-" + expires.toEpochMilli();
        String body = as("partnership-a", post("/api/reviews").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(review(expires)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        String reviewId = json.readTree(body).get("reviewId").asString();
        // a retry under the same Idempotency-Key (issue 13) opens no second review
        as("partnership-a", post("/api/reviews").header("Idempotency-Key", key)
                .contentType(MediaType.APPLICATION_JSON).content(review(expires)))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.reviewId").value(reviewId));
        return reviewId;
    }

    private static String review(Instant expires) {
        return """
                {"child": {"nhsNumber": "%s"}, "reviewerAgency": "partnership-a",
                 "reviewerPerson": "Independent reviewer (synthetic)",
                 "reason": "Rapid review after a serious incident", "legalBasis": "Children Act 2004 s.16C",
                 "periodFrom": "2026-01-01", "periodTo": "2026-11-20", "expiresAt": "%s"}""".formatted(CHILD, expires);
    }

    @Test
    void aReviewerReadsThePeriodCovered_whileTheReviewIsOpen_everyReadOnTheAccessLog() throws Exception {
        shared("school-a", "csc-a", Instant.parse("2026-03-02T10:00:00Z"));
        shared("gp-a", "csc-a", Instant.parse("2025-06-01T10:00:00Z"));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from chronology_entry where child_id = ? and event_type = 'InformationShared'",
                Integer.class, CHILD) == 2);

        as("school-a", post("/api/reviews").contentType(MediaType.APPLICATION_JSON).content("""
                {"child": {"nhsNumber": "%s"}, "reviewerAgency": "school-a", "reviewerPerson": "Head",
                 "reason": "Curious", "legalBasis": "None", "periodFrom": "2026-01-01", "periodTo": "2026-11-20",
                 "expiresAt": "%s"}""".formatted(CHILD, Instant.now().plusSeconds(3600))))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-a-partnership"));
        String review = open(Instant.now().plus(Duration.ofDays(30)));

        as("partnership-a", get("/api/children/{id}/chronology", CHILD).param("review", review))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAs").value("REVIEW"))
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].agency").value("school-a"));
        as("csc-a", get("/api/children/{id}/chronology", CHILD).param("review", review))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:review-not-open"));

        as("csc-a", get("/api/children/{id}/access-log", CHILD))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reads[?(@.agency == 'partnership-a' && @.basis == 'REVIEW')].reviewId",
                        hasItem(review)))
                .andExpect(jsonPath("$.reads[?(@.agency == 'csc-a' && @.granted == false)].reviewId",
                        hasItem(review)));
        // a read on another service reaches the same log
        kafka.send(Topics.ACCESS, CHILD, ChildDataRead.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(CHILD)
                        .setOccurredAt(Instant.now()).setRecordedAt(Instant.now()).setActingAgency("gp-a")
                        .setActingPractitioner("Practice nurse (synthetic) 5").setCorrelationId("c").build())
                .setService("referrals").setResource("share:s-77").setGranted(false).build()).get();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> as("csc-a",
                get("/api/children/{id}/access-log", CHILD))
                .andExpect(jsonPath("$.reads[?(@.agency == 'gp-a')].resource", hasItem("referrals:share:s-77")))
                .andExpect(jsonPath("$.reads[?(@.agency == 'gp-a')].granted", hasItem(false)))
                .andExpect(jsonPath("$.reads[?(@.agency == 'gp-a')].practitioner",
                        hasItem("Practice nurse (synthetic) 5"))));
        as("school-a", get("/api/children/{id}/access-log", CHILD))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-entitled-to-access-log"));
        as("partnership-a", get("/api/children/{id}/access-log", CHILD).param("review", review))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reads[*].resource", hasItem("access-log")));

        as("partnership-a", post("/api/reviews/{id}/revocation", review).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reason\": \"Panel stood down\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("REVOKED"));
        as("partnership-a", get("/api/children/{id}/chronology", CHILD).param("review", review))
                .andExpect(status().isForbidden());

        // the reviews rebuilt from the event store by an operator: opened, then revoked, as they were
        RebuildChecks.droppedAndRebuiltAsItWas(mvc, jdbc, sealing, "review-view", List.of("review_view"));
        as("partnership-a", get("/api/children/{id}/chronology", CHILD).param("review", review))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:review-not-open"));
    }

    @Test
    void afterItExpires_aReviewGrantsNothing() throws Exception {
        // long enough to be read once on a loaded machine, short enough to wait out
        String review = open(Instant.now().plusSeconds(8));
        as("partnership-a", get("/api/children/{id}/chronology", CHILD).param("review", review))
                .andExpect(status().isOk());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                as("partnership-a", get("/api/children/{id}/chronology", CHILD).param("review", review))
                        .andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:review-not-open")));
    }

    @Test
    void onlyThePartnershipAndTheReviewerSeeAReview() throws Exception {
        String review = open(Instant.now().plus(Duration.ofDays(1)));
        as("partnership-a", get("/api/reviews/{id}", review)).andExpect(status().isOk())
                .andExpect(jsonPath("$.legalBasis").value("Children Act 2004 s.16C"));
        as("csc-a", get("/api/reviews/{id}", review)).andExpect(status().isNotFound());
        as("csc-a", post("/api/reviews/{id}/closure", review)).andExpect(status().isNotFound());
    }
}
