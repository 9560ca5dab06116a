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

        Instant erasedAt = Instant.now();
        kafka.send(Topics.CHRONOLOGY, CHILD, ErasureOrders.erasure(CHILD, erasedAt, "retention ended")).get();

        String erased = ErasureOrders.erasedText(erasedAt, "retention ended");
        await().atMost(Duration.ofSeconds(60)).until(() -> erased.equals(jdbc.queryForObject(
                "select action_taken from feedback_view where feedback_id = ?", String.class, feedbackId)));
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.given").value(true))
                .andExpect(jsonPath("$.outcome").value(erased))
                .andExpect(jsonPath("$.owedBy").value("csc-a"));
    }
}
