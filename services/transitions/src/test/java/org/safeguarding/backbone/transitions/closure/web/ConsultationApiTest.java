package org.safeguarding.backbone.transitions.closure.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.contracts.transitions.v1.CaseClosed;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationNoReply;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationOpened;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.OpenConsultation;
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
 * Consultation before closure over HTTP and Kafka (R13): the agencies involved lately are asked; concerns must be
 * settled and answers (or the date) in before the closure is recorded; silence is recorded by a stored deadline.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listener must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ConsultationApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Sealing sealing;
    @Autowired JsonMapper json;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired CommandGateway commands;

    private void shared(String child, String from, List<String> to, Instant at) throws Exception {
        kafka.send(Topics.REFERRALS, child, InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                        .setOccurredAt(at).setRecordedAt(at).setActingAgency(from).setCorrelationId("c").build())
                .setShareId(UUID.randomUUID().toString()).setSenderAgency(from).setRecipientAgencies(to)
                .setPurpose("Concern").setStatements(List.of(Statement.newBuilder().setText("Seen").build()))
                .build()).get();
    }

    private ResultActions as(String agency, org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder
            request) throws Exception {
        return mvc.perform(request.with(httpBasic(agency, "dev-only-" + agency)));
    }

    private static org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder json(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    @Test
    void theAgenciesInvolvedLatelyAreConsulted_aConcernIsAnswered_thenTheClosureIsRecorded_allOnKafka()
            throws Exception {
        String child = "9990001553";
        // police were involved two years ago, the school and the GP this month
        shared(child, "police-a", List.of("csc-a"), Instant.now().minus(730, ChronoUnit.DAYS));
        shared(child, "school-a", List.of("csc-a", "gp-a"), Instant.now().minus(3, ChronoUnit.DAYS));
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from child_involvement where child_id = ?", Integer.class, child) == 4);

        String opened = as("csc-a", json(post("/api/consultations"), """
                {"child": {"nhsNumber": "%s"}, "reason": "Assessment complete: no further role"}""".formatted(child)))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andExpect(jsonPath("$.consultees[*].agency").value(contains("gp-a", "school-a")))
                .andReturn().getResponse().getContentAsString();
        String id = json.readTree(opened).get("consultationId").asString();

        as("police-a", get("/api/consultations/{id}", id)).andExpect(status().isNotFound());
        as("school-b", json(post("/api/consultations/{id}/answers", id), "{\"answer\": \"AGREE\"}"))
                .andExpect(status().isNotFound());
        as("gp-a", json(post("/api/consultations/{id}/answers", id), "{\"answer\": \"CONCERN\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(endsWith("concern-without-reasons")));
        as("gp-a", json(post("/api/consultations/{id}/answers", id), "{\"answer\": \"MAYBE\"}"))
                .andExpect(status().isBadRequest());

        as("school-a", json(post("/api/consultations/{id}/answers", id), "{\"answer\": \"AGREE\"}"))
                .andExpect(status().isOk());
        as("gp-a", json(post("/api/consultations/{id}/answers", id),
                "{\"answer\": \"CONCERN\", \"reasons\": \"Missed two health appointments this month\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consultees[0].answer").value("CONCERN"));
        as("csc-a", post("/api/consultations/{id}/closure", id))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("concerns-unsettled")));
        as("gp-a", post("/api/consultations/{id}/closure", id))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("not-the-closing-agency")));
        as("csc-a", json(post("/api/consultations/{id}/concerns/gp-a/response", id),
                "{\"response\": \"Early help will follow the appointments up with the family\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consultees[0].concernSettled").value("ANSWERED"));
        as("csc-a", post("/api/consultations/{id}/closure", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.TRANSITIONS)) {
            List<ConsumerRecord<String, SpecificRecord>> exchange = reader.await(r ->
                    r.value().getSchema().getField("consultationId") != null
                            && r.value().get(r.value().getSchema().getField("consultationId").pos()).toString()
                            .equals(id), 5, Duration.ofSeconds(60));
            assertThat(exchange).extracting(r -> r.value().getClass().getSimpleName()).containsExactly(
                    "ClosureConsultationOpened", "ClosureConsultationAnswered", "ClosureConsultationAnswered",
                    "ClosureConcernAnswered", "CaseClosed");
            ClosureConsultationOpened first = (ClosureConsultationOpened) exchange.get(0).value();
            CaseClosed closed = (CaseClosed) exchange.get(4).value();
            assertThat(closed.getAgreed()).containsExactly("school-a");
            assertThat(closed.getConcernsAnswered()).containsExactly("gp-a");
            assertThat(closed.getEnvelope().getCorrelationId()).as("one conversation")
                    .isEqualTo(first.getEnvelope().getCorrelationId());
        }
        RebuildChecks.droppedAndRebuiltAsItWas(mvc, jdbc, sealing, "consultation-view",
                List.of("consultation_view", "consultation_view_consultee"));
        as("gp-a", get("/api/consultations/{id}", id)).andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }

    @Test
    void silenceByTheAnswerDate_isRecordedByItsStoredDeadline_andThenTheClosureMayGoAhead() throws Exception {
        String child = "9990001561";
        String id = UUID.randomUUID().toString();
        // opened in January, answers due by Friday 9 January: the date has long passed
        CorrelatedCommands.sendAndWait(commands, new OpenConsultation(id, child, "csc-a", "Case stepped down",
                List.of("school-a", "gp-a"), LocalDate.parse("2026-01-09"), true,
                Instant.parse("2026-01-05T10:00:00Z")), Map.of("correlationId", "closing-" + id));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.TRANSITIONS)) {
            ClosureConsultationNoReply silent = (ClosureConsultationNoReply) reader.await(r ->
                    r.value() instanceof ClosureConsultationNoReply n && n.getConsultationId().equals(id), 1,
                    Duration.ofSeconds(60)).get(0).value();
            assertThat(silent.getAgencies()).containsExactly("school-a", "gp-a");
            assertThat(silent.getEnvelope().getOccurredAt()).isEqualTo(Instant.parse("2026-01-10T00:00:00Z"));
            assertThat(silent.getEnvelope().getCorrelationId()).as("the consultation's conversation")
                    .isEqualTo("closing-" + id);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                as("csc-a", get("/api/consultations/{id}", id))
                        .andExpect(jsonPath("$.consultees[0].noReply").value(true)));
        as("csc-a", post("/api/consultations/{id}/closure", id))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CLOSED"));
    }
}
