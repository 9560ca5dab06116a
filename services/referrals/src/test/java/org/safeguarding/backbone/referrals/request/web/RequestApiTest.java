package org.safeguarding.backbone.referrals.request.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestAnswered;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestEscalated;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequestOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.SharingDeclined;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.RequestInformation;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import tools.jackson.databind.json.JsonMapper;

/** Requests over HTTP: asked with a reason and concern, declined with reasons that reach the requester, or answered. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class RequestApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    /** The answer to a request about child 9990000123: a share about that child, to the requester (school-a). */
    private static final String ANSWER = VALID
            .replace("[{\"agency\": \"csc-a\", \"team\": \"Front door team\"}, {\"agency\": \"gp-a\"}]",
                    "[{\"agency\": \"school-a\"}]")
            .replace("\"nhsNumber\": \"" + org.safeguarding.backbone.referrals.share.web.ShareApiTest.CHILD + "\"",
                    "\"nhsNumber\": \"9990000123\"");

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired CommandGateway commands;

    private String request(String holder) throws Exception {
        return request(holder, null);
    }

    private String request(String holder, String correlationId) throws Exception {
        String body = """
                {"child": {"nhsNumber": "9990000123"}, "holderAgency": "%s", "requestedBy": "A. Teacher (synthetic)",
                 "whyNeeded": "To understand the child's recent weight loss",
                 "concern": "The child says they are often not given meals", "respondBy": "%s"}"""
                .formatted(holder, LocalDate.now().plusDays(5));
        var call = post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(body).with(as("school-a"));
        if (correlationId != null) {
            call.header("X-Correlation-Id", correlationId);
        }
        String response = mvc.perform(call)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("OPEN"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("requestId").asString();
    }

    @Test
    void aDeclineWithItsReasonsReachesTheRequester() throws Exception {
        String requestId = request("gp-a");
        mvc.perform(post("/api/requests/{id}/decline", requestId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decidedBy\": \"Dr Example (synthetic)\", \"reasons\": \"No records of concern held\"}")
                        .with(as("gp-a")))
                .andExpect(status().isOk());

        mvc.perform(get("/api/requests/{id}", requestId).with(as("school-a")))
                .andExpect(jsonPath("$.status").value("DECLINED"))
                .andExpect(jsonPath("$.declineReasons").value("No records of concern held"))
                .andExpect(jsonPath("$.decidedBy").value("Dr Example (synthetic)"));
        mvc.perform(get("/api/requests/{id}", requestId).with(as("police-a"))).andExpect(status().isNotFound());
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            assertThat(reader.await(r -> r.value() instanceof SharingDeclined d && d.getRequestId().equals(requestId)
                    && d.getRequestingAgency().equals("school-a"), 1, Duration.ofSeconds(60))).hasSize(1);
        }
    }

    @Test
    void reasonsForDecliningAreCheckedForJargon_theRequesterSeesTheWarnings_andTheyAreOnKafka() throws Exception {
        String requestId = request("gp-a");
        mvc.perform(post("/api/requests/{id}/decline", requestId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decidedBy\": \"Dr Example (synthetic)\", \"reasons\": \"NFA: not a CIN case\"}")
                        .with(as("gp-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.declineReasons").value("NFA: not a CIN case"))
                .andExpect(jsonPath("$.declineWarnings[*].term").value(contains("NFA", "CIN")));
        mvc.perform(get("/api/requests/{id}", requestId).with(as("school-a")))
                .andExpect(jsonPath("$.declineWarnings[1].suggestion").value("child in need"));
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            SharingDeclined declined = (SharingDeclined) reader.await(r -> r.value() instanceof SharingDeclined d
                    && d.getRequestId().equals(requestId), 1, Duration.ofSeconds(60)).get(0).value();
            assertThat(declined.getPlainLanguageWarnings()).extracting(w -> w.getTerm()).containsExactly("NFA", "CIN");
        }
    }

    @Test
    void aRequestIsCheckedForJargon_whyAndTheConcern_theAgencyAskedSeesTheWarnings_andTheyAreOnKafka()
            throws Exception {
        String body = """
                {"child": {"nhsNumber": "9990000123"}, "holderAgency": "gp-a", "requestedBy": "A. Teacher (synthetic)",
                 "whyNeeded": "For the s47 strategy meeting", "concern": "MASH referral; the DSL is worried",
                 "respondBy": "%s"}""".formatted(LocalDate.now().plusDays(5));
        String response = mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.whyNeeded").value("For the s47 strategy meeting"))
                .andExpect(jsonPath("$.plainLanguageWarnings[*].field").value(contains("whyNeeded", "concern",
                        "concern")))
                .andExpect(jsonPath("$.plainLanguageWarnings[*].term").value(contains("s47", "MASH", "DSL")))
                .andReturn().getResponse().getContentAsString();
        String requestId = json.readTree(response).get("requestId").asString();
        mvc.perform(get("/api/requests/{id}", requestId).with(as("gp-a")))
                .andExpect(jsonPath("$.plainLanguageWarnings[2].suggestion").value("designated safeguarding lead"));
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            InformationRequested requested = (InformationRequested) reader.await(r -> r.value()
                    instanceof InformationRequested q && q.getRequestId().equals(requestId), 1,
                    Duration.ofSeconds(60)).get(0).value();
            assertThat(requested.getPlainLanguageWarnings()).extracting(w -> w.getTerm())
                    .containsExactly("s47", "MASH", "DSL");
        }
    }

    @Test
    void theHolderAnswersWithAShareToTheRequester_recordedTogether() throws Exception {
        String requestId = request("csc-a");
        String answer = ANSWER;
        mvc.perform(post("/api/requests/{id}/share", requestId).contentType(MediaType.APPLICATION_JSON)
                        .content(answer.replace("[{\"agency\": \"school-a\"}]", "[{\"agency\": \"gp-a\"}]"))
                        .with(as("csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:requester-not-a-recipient"));
        // an answer about another child is refused, and records nothing
        mvc.perform(post("/api/requests/{id}/share", requestId).contentType(MediaType.APPLICATION_JSON)
                        .content(answer.replace("\"nhsNumber\": \"9990000123\"", "\"nhsNumber\": \"9990000026\""))
                        .with(as("csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:answer-about-another-child"))
                .andExpect(jsonPath("$.errors[0].field").value("child.nhsNumber"));
        mvc.perform(get("/api/requests/{id}", requestId).with(as("school-a")))
                .andExpect(jsonPath("$.status").value("OPEN"));
        String response = mvc.perform(post("/api/requests/{id}/share", requestId)
                        .contentType(MediaType.APPLICATION_JSON).content(answer).with(as("csc-a")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("ANSWERED"))
                .andReturn().getResponse().getContentAsString();
        String shareId = json.readTree(response).get("shareId").asString();
        mvc.perform(get("/api/shares/{id}", shareId).with(as("school-a"))).andExpect(status().isOk());
        mvc.perform(post("/api/requests/{id}/decline", requestId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decidedBy\": \"X\", \"reasons\": \"late\"}").with(as("csc-a")))
                .andExpect(status().isConflict());
    }

    @Test
    void aRequestIsOneConversation_itsDeclineContinuesIt() throws Exception {
        String requestId = request("gp-a");
        mvc.perform(declineByGp(requestId)).andExpect(status().isOk());

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<Envelope> conversation = envelopes(reader.await(r -> aboutRequest(r, requestId), 2,
                    Duration.ofSeconds(60)));
            assertThat(conversation).extracting(Envelope::getCorrelationId).doesNotContainNull().hasSize(2)
                    .as("the request and its decline, one conversation").containsOnly(
                            conversation.get(0).getCorrelationId());
        }
    }

    @Test
    void theRequestersConversation_continuesIntoTheShareThatAnswersIt() throws Exception {
        String requestId = request("csc-a", "weight-loss-enquiry-7");
        String answer = ANSWER;
        String shareId = json.readTree(mvc.perform(post("/api/requests/{id}/share", requestId)
                        .contentType(MediaType.APPLICATION_JSON).content(answer).with(as("csc-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<Envelope> conversation = envelopes(reader.await(r -> aboutRequest(r, requestId)
                    || r.value() instanceof InformationShared s && s.getShareId().equals(shareId), 3,
                    Duration.ofSeconds(60)));
            assertThat(conversation).extracting(Envelope::getCorrelationId)
                    .containsExactly("weight-loss-enquiry-7", "weight-loss-enquiry-7", "weight-loss-enquiry-7");
        }
    }

    @Test
    void aCorrelationIdThatIsNotAnIdIsRefused_namingTheHeader_andChangesNothing() throws Exception {
        String requestId = request("gp-a");
        mvc.perform(declineByGp(requestId).header("X-Correlation-Id", "not an id; drop table"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:invalid-request"))
                .andExpect(jsonPath("$.errors[0].field").value("X-Correlation-Id"));
        mvc.perform(declineByGp(requestId).header("X-Correlation-Id", "x".repeat(101)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("X-Correlation-Id"));

        mvc.perform(get("/api/requests/{id}", requestId).with(as("school-a")))
                .andExpect(jsonPath("$.status").value("OPEN"));
    }

    private static MockHttpServletRequestBuilder declineByGp(String requestId) {
        return post("/api/requests/{id}/decline", requestId).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decidedBy\": \"Dr Example (synthetic)\", \"reasons\": \"Not held\"}")
                .with(as("gp-a"));
    }

    private static boolean aboutRequest(ConsumerRecord<String, SpecificRecord> record, String requestId) {
        return record.value() instanceof InformationRequested r && r.getRequestId().equals(requestId)
                || record.value() instanceof SharingDeclined d && d.getRequestId().equals(requestId)
                || record.value() instanceof InformationRequestAnswered a && a.getRequestId().equals(requestId);
    }

    private static List<Envelope> envelopes(List<ConsumerRecord<String, SpecificRecord>> records) {
        return records.stream().map(r -> (Envelope) r.value().get(r.value().getSchema().getField("envelope").pos()))
                .toList();
    }

    @Test
    void badRequestsAreRefusedNamingTheField() throws Exception {
        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("""
                        {"child": {"nhsNumber": "9990000123"}, "holderAgency": "gp-a", "requestedBy": "A",
                         "concern": "c", "respondBy": "2020-01-01"}""").with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("respondBy"))
                .andExpect(jsonPath("$.errors[1].field").value("whyNeeded"));
        mvc.perform(post("/api/requests").contentType(MediaType.APPLICATION_JSON).content("""
                        {"child": {"nhsNumber": "9990000123"}, "holderAgency": "nowhere", "requestedBy": "A",
                         "whyNeeded": "w", "concern": "c", "respondBy": "2099-01-01"}""").with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("holderAgency"));
    }

    @Test
    void theAgencyAskedListsTheRequestsMadeToIt_byStatus_andOneNotAnsweredByItsReplyDateIsChased() throws Exception {
        String open = request("health-visiting-a");
        String declined = request("health-visiting-a");
        mvc.perform(post("/api/requests/{id}/decline", declined).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"decidedBy\": \"A. Visitor (synthetic)\", \"reasons\": \"Not held\"}")
                        .with(as("health-visiting-a")))
                .andExpect(status().isOk());
        // made in January, due back in January: every step of the chase is already due
        String late = java.util.UUID.randomUUID().toString();
        CorrelatedCommands.sendAndWait(commands, new RequestInformation(late, "9990000123", "school-a",
                "A. Teacher (synthetic)", "health-visiting-a", "To understand the child's recent weight loss",
                "The child says they are often not given meals", LocalDate.parse("2026-01-09"),
                java.time.Instant.parse("2026-01-05T10:00:00Z")), java.util.Map.of("correlationId", "late-" + late));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<ConsumerRecord<String, SpecificRecord>> chased = reader.await(r ->
                    (r.value() instanceof InformationRequestOverdue o && o.getRequestId().equals(late))
                    || (r.value() instanceof InformationRequestEscalated e && e.getRequestId().equals(late)), 3,
                    Duration.ofSeconds(60));
            assertThat(chased).extracting(r -> r.value().getClass().getSimpleName())
                    .containsExactly("InformationRequestOverdue", "InformationRequestEscalated",
                            "InformationRequestEscalated");
            InformationRequestEscalated toThePartnership = (InformationRequestEscalated) chased.get(2).value();
            assertThat(toThePartnership.getEscalatedTo()).isEqualTo("partnership-a");
            assertThat(toThePartnership.getEnvelope().getCorrelationId()).as("the request's conversation")
                    .isEqualTo("late-" + late);
        }

        mvc.perform(get("/api/requests").with(as("health-visiting-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].requestId").value(org.hamcrest.Matchers.hasItems(open, declined, late)));
        mvc.perform(get("/api/requests?role=ASKED&status=OPEN").with(as("health-visiting-a")))
                .andExpect(jsonPath("$[*].requestId").value(org.hamcrest.Matchers.hasItems(open, late)))
                .andExpect(jsonPath("$[*].requestId").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(declined))));
        mvc.perform(get("/api/requests?overdue=true").with(as("health-visiting-a")))
                .andExpect(jsonPath("$[*].requestId").value(contains(late)))
                .andExpect(jsonPath("$[0].escalationLevel").value(2))
                .andExpect(jsonPath("$[0].escalatedTo").value("partnership-a"));
        mvc.perform(get("/api/requests?role=MADE&status=DECLINED").with(as("school-a")))
                .andExpect(jsonPath("$[*].requestId").value(org.hamcrest.Matchers.hasItem(declined)));
        mvc.perform(get("/api/requests?role=MADE").with(as("health-visiting-a")))
                .andExpect(jsonPath("$[*].requestId").value(org.hamcrest.Matchers.not(
                        org.hamcrest.Matchers.hasItem(open))));
        // the partnership the late request was escalated to reads it; no one else outside it does
        mvc.perform(get("/api/requests/{id}", late).with(as("partnership-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(true));
        mvc.perform(get("/api/requests/{id}", late).with(as("police-a"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/requests?role=SOMEONE").with(as("school-a")))
                .andExpect(status().isBadRequest());
    }
}
