package org.safeguarding.backbone.feedback.owed.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.ErasureOrders;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
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

/**
 * R18 in the feedback service: the feedback given about a child is stored sealed under the child's key, and the
 * chronology's order to erase the child's records reaches its keys and its view: the feedback still says who owed
 * whom and that it was given, and what it said reads as erased, with the date.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ErasedFeedbackTest {

    private static final String CHILD = "9990001758";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    @Test
    void feedbackIsStoredSealed_andOnceTheChildIsErased_readsAsErased_butStillGiven() throws Exception {
        String shareId = UUID.randomUUID().toString();
        kafka.send(Topics.REFERRALS, CHILD, InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(CHILD)
                        .setOccurredAt(Instant.now()).setRecordedAt(Instant.now()).setActingAgency("school-a")
                        .setCorrelationId("conversation-" + shareId).build())
                .setShareId(shareId).setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a"))
                .setPurpose("Concern").setStatements(List.of(Statement.newBuilder().setText("Said").build()))
                .build()).get();
        String feedbackId = ReferralEventsListener.feedbackId(shareId, "csc-a");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from feedback_view where feedback_id = ?", Integer.class, feedbackId) == 1);
        mvc.perform(post("/api/feedback/{id}", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actionTaken\": \"Strategy discussion held\", "
                                + "\"outcome\": \"Child and family assessment started\"}")
                        .with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isOk());
        String stored = String.join("\n", jdbc.queryForList("select payload from domain_event_entry where "
                + "aggregate_identifier = ?", byte[].class, feedbackId).stream()
                .map(payload -> new String(payload, StandardCharsets.UTF_8)).toList());
        assertThat(stored).contains("\"$sealed\"").doesNotContain("Strategy discussion", "assessment started");
        mvc.perform(post("/api/feedback/{id}/challenges", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasons\": \"The child was not seen after the disclosure\"}")
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/feedback/{id}/challenges/1/answers", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"A home visit is booked for Monday\"}")
                        .with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isOk());
        // the views too (R18): every column of the child's rows, as the store holds them
        String views = String.join("\n", jdbc.queryForList("select * from feedback_view where child_id = ?", CHILD)
                .stream().map(Object::toString).toList()) + String.join("\n", jdbc.queryForList(
                "select * from feedback_challenge_view where child_id = ?", CHILD).stream().map(Object::toString)
                .toList());
        assertThat(views).contains(SealedColumn.PREFIX, "csc-a", "school-a")
                .doesNotContain("Strategy discussion", "assessment started", "not seen", "home visit");
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("Child and family assessment started"))
                .andExpect(jsonPath("$.challenges[0].reasons").value("The child was not seen after the disclosure"))
                .andExpect(jsonPath("$.challenges[0].answer").value("A home visit is booked for Monday"));

        Instant erasedAt = Instant.now();
        kafka.send(Topics.CHRONOLOGY, CHILD, ErasureOrders.erasure(CHILD, erasedAt, "retention ended")).get();

        String erased = ErasureOrders.erasedText(erasedAt, "retention ended");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get("/api/feedback/{id}", feedbackId)
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(jsonPath("$.actionTaken").value(erased)));
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.challenges[0].reasons").value(erased))
                .andExpect(jsonPath("$.challenges[0].answer").value(erased))
                .andExpect(jsonPath("$.given").value(true))
                .andExpect(jsonPath("$.outcome").value(erased))
                .andExpect(jsonPath("$.owedBy").value("csc-a"));
    }
}
