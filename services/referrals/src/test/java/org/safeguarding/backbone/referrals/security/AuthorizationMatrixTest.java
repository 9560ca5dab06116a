package org.safeguarding.backbone.referrals.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.COUNTERPART;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.LEAD_AGENCY;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.MAKER;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.net.URI;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.messaging.audit.LeadAgencies;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.AuthorizationMatrix;
import org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.HostileBodies;
import org.safeguarding.backbone.testsupport.LeadAgencyAnnouncer;
import org.safeguarding.backbone.testsupport.ListenerGrants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what on the referrals service: every endpoint, as the agency that made the record, the agency it is
 * addressed to, an agency involved with the same child through another act, an agency never involved, a safeguarding
 * partnership (a review grants nothing here: it is read through the chronology) and nobody. Records are made afresh
 * for each cell.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class AuthorizationMatrixTest {

    private static final String CHILD = ShareApiTest.CHILD;
    /** The README's kind of share, from school-a to csc-a only. */
    private static final String SHARE = ShareApiTest.VALID.replace(
            "[{\"agency\": \"csc-a\", \"team\": \"Front door team\"}, {\"agency\": \"gp-a\"}]",
            "[{\"agency\": \"csc-a\"}]");

    private static final String CORRECTION = """
            {"statementIndex": 0, "reason": "Misread the register",
             "corrected": {"text": "Absent 5 days", "kind": "FACT", "currency": "CURRENT", "source": "Register",
                           "verification": "UNVERIFIED"}}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired JsonMapper json;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints;

    @Autowired LeadAgencies leads;

    /** csc-b leads for the child (as the chronology would announce it), party to none of its records. */
    @BeforeEach
    void leadAgency() throws Exception {
        LeadAgencyAnnouncer.announce(leads, CHILD, LEAD_AGENCY.agency());
    }

    private String made(String agency, MockHttpServletRequestBuilder request, String id) {
        try {
            String body = mvc.perform(request.with(ShareApiTest.as(agency))).andReturn().getResponse()
                    .getContentAsString();
            return json.readTree(body).get(id).asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void done(String agency, MockHttpServletRequestBuilder request) {
        try {
            mvc.perform(request.with(ShareApiTest.as(agency)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A share from school-a to csc-a about the child; gp-a shares about the same child with csc-a too. */
    private String share(String body) {
        made("gp-a", json(post("/api/shares"), SHARE.replace("\"Front door team\"", "\"x\"")), "shareId");
        return made("school-a", json(post("/api/shares"), body), "shareId");
    }

    private String share() {
        return share(SHARE);
    }

    private String request() {
        return made("school-a", json(post("/api/requests"), """
                {"child": {"nhsNumber": "%s"}, "holderAgency": "csc-a", "requestedBy": "A. Teacher (synthetic)",
                 "whyNeeded": "Attendance", "concern": "Neglect", "respondBy": "%s"}"""
                .formatted(CHILD, LocalDate.now().plusDays(5))), "requestId");
    }

    private AuthorizationMatrix matrix() {
        String toTheRequester = SHARE.replace("[{\"agency\": \"csc-a\"}]", "[{\"agency\": \"school-a\"}]");
        return new AuthorizationMatrix()
                .row("POST /api/shares", caller -> json(post("/api/shares"),
                        SHARE.replace("\"csc-a\"", "\"health-visiting-a\"")), 201)
                .row("GET /api/shares/{shareId}", caller -> get("/api/shares/{id}", share()), 404,
                        MAKER, 200, COUNTERPART, 200, LEAD_AGENCY, 200)
                .row("POST /api/shares/{shareId}/acknowledgements",
                        caller -> post("/api/shares/{id}/acknowledgements", share()), 404, MAKER, 409, COUNTERPART, 200)
                .row("POST /api/shares/{shareId}/read", caller -> post("/api/shares/{id}/read", share()), 404,
                        MAKER, 409, COUNTERPART, 200)
                .row("POST /api/shares/{shareId}/understanding",
                        caller -> post("/api/shares/{id}/understanding", share()), 404, MAKER, 409, COUNTERPART, 200)
                .row("POST /api/shares/{shareId}/clarifications", caller -> json(post("/api/shares/{id}/clarifications",
                        share()), "{\"question\": \"Who?\"}"), 404, MAKER, 409, COUNTERPART, 201)
                .row("POST /api/shares/{shareId}/clarifications/{questionId}/answer", caller -> {
                    String shareId = share();
                    done("csc-a", json(post("/api/shares/{id}/clarifications", shareId),
                            "{\"question\": \"Who?\", \"questionId\": \"q-1\"}"));
                    return json(post("/api/shares/{id}/clarifications/q-1/answer", shareId), "{\"answer\": \"A\"}");
                }, 404, MAKER, 200, COUNTERPART, 409)
                .row("POST /api/shares/{shareId}/uses", caller -> json(post("/api/shares/{id}/uses", share()),
                        "{\"howUsed\": \"Plan\"}"), 404, MAKER, 409, COUNTERPART, 200)
                .row("POST /api/shares/{shareId}/written-follow-up", caller -> json(post(
                        "/api/shares/{id}/written-follow-up", share(SHARE.replace("\"WRITTEN\"", "\"PHONE\""))),
                        "{\"writtenRecord\": \"Letter\"}"), 404, MAKER, 200, COUNTERPART, 409)
                .row("POST /api/shares/{shareId}/corrections", caller -> json(post("/api/shares/{id}/corrections",
                        share()), CORRECTION), 404, MAKER, 201, COUNTERPART, 409)
                .row("POST /api/shares/{shareId}/withdrawal", caller -> json(post("/api/shares/{id}/withdrawal",
                        share()), "{\"reason\": \"Wrong child\"}"), 404, MAKER, 200, COUNTERPART, 409)
                .row("POST /api/shares/{shareId}/corrections/{correction}/acknowledgement", caller -> {
                    String shareId = share();
                    done("school-a", json(post("/api/shares/{id}/corrections", shareId), CORRECTION));
                    return post("/api/shares/{id}/corrections/1/acknowledgement", shareId);
                }, 404, MAKER, 409, COUNTERPART, 200)
                .row("POST /api/shares/{shareId}/statements/{statementIndex}/verification", caller -> json(post(
                        "/api/shares/{id}/statements/0/verification", share()),
                        "{\"verification\": \"VERIFIED\", \"verifiedBy\": \"Officer\"}"), 404, MAKER, 200,
                        COUNTERPART, 200)
                .row("POST /api/shares/{shareId}/family-informed", caller -> json(post(
                        "/api/shares/{id}/family-informed", share()), "{\"how\": \"In person\"}"), 404, MAKER, 200,
                        COUNTERPART, 409)
                .row("POST /api/shares/{shareId}/consent-withdrawal", caller -> json(post(
                        "/api/shares/{id}/consent-withdrawal", share()), "{\"reason\": \"By phone\"}"), 404,
                        MAKER, 200, COUNTERPART, 409)
                .row("GET /api/inbox/shares", caller -> get("/api/inbox/shares"), 200)
                // each agency's own: what it sent, and the questions waiting for its answer
                .row("GET /api/outbox/shares", caller -> get("/api/outbox/shares"), 200)
                .row("GET /api/outbox/questions", caller -> get("/api/outbox/questions"), 200)
                // a dry run reads nobody's data
                .row("POST /api/shares/check", caller -> json(post("/api/shares/check"), SHARE), 200)
                .row("POST /api/requests", caller -> json(post("/api/requests"), """
                        {"child": {"nhsNumber": "%s"}, "holderAgency": "health-visiting-a", "requestedBy": "Someone",
                         "whyNeeded": "Attendance", "concern": "Neglect", "respondBy": "%s"}"""
                        .formatted(CHILD, LocalDate.now().plusDays(5))), 201)
                // each agency's own lists: those made to it, and those it made
                .row("GET /api/requests", caller -> get("/api/requests"), 200)
                .row("GET /api/requests/{requestId}", caller -> get("/api/requests/{id}", request()), 404,
                        MAKER, 200, COUNTERPART, 200, LEAD_AGENCY, 200)
                .row("POST /api/requests/{requestId}/decline", caller -> json(post("/api/requests/{id}/decline",
                        request()), "{\"decidedBy\": \"Lead\", \"reasons\": \"Not held\"}"), 404,
                        MAKER, 409, COUNTERPART, 200)
                .row("POST /api/requests/{requestId}/share", caller -> json(post("/api/requests/{id}/share",
                        request()), toTheRequester), 404, MAKER, 409, COUNTERPART, 201)
                .row("POST /api/decisions/not-to-share", caller -> json(post("/api/decisions/not-to-share"), """
                        {"child": {"nhsNumber": "%s"}, "decidedBy": "Lead", "reasons": "Not necessary"}"""
                        .formatted(CHILD)), 201)
                .row("GET /api/decisions/{decisionId}", caller -> get("/api/decisions/{id}", made("school-a",
                        json(post("/api/decisions/not-to-share"), """
                        {"child": {"nhsNumber": "%s"}, "decidedBy": "Lead", "reasons": "Not necessary"}"""
                        .formatted(CHILD)), "decisionId")), 404, MAKER, 200, LEAD_AGENCY, 200);
    }

    @Test
    void everyEndpointHasARow() {
        matrix().coversExactly(AuthorizationMatrix.endpointsOf(endpoints));
    }

    @Test
    void everyCallerGetsWhatItShould_onEveryEndpoint() throws Exception {
        matrix().holds(mvc);
    }

    /** A path or a form body Spring Security's firewall refuses is a 400 problem that does not quote it. */
    @Test
    void whatTheFirewallRefuses_isA400Problem_thatDoesNotQuoteIt() throws Exception {
        mvc.perform(post(URI.create("/api/shares/x%2F..%2Fy/read")).with(ShareApiTest.as("csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:request-rejected"));
        mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_FORM_URLENCODED).content(SHARE)
                        .with(ShareApiTest.as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:request-rejected"))
                .andExpect(content().string(not(containsString(CHILD))));
    }

    /** Issue 12: every command endpoint, sent broken and hostile JSON, answers with a problem, never a 500. */
    @Test
    void everyCommandBody_brokenOrHostile_isAnsweredWithAProblem_neverA500() throws Exception {
        assertThat(matrix().refusesHostileBodies(mvc, HostileBodies.seed(), HostileBodies.perEndpoint()))
                .isPositive();
    }

    @Test
    void anOutboxHoldsOnlyWhatTheCallerSent_andItsQuestionsOnlyThoseAskedOfIt() throws Exception {
        String shareId = share();
        done("csc-a", json(post("/api/shares/{id}/clarifications", shareId), "{\"question\": \"Who?\"}"));
        for (Caller caller : Caller.values()) {
            if (caller.agency() == null) {
                continue;
            }
            assertThat(listed("/api/outbox/shares", caller).contains(shareId)).as(caller + "'s outbox")
                    .isEqualTo(caller == MAKER);
            assertThat(listed("/api/outbox/questions", caller).contains(shareId)).as(caller + "'s questions")
                    .isEqualTo(caller == MAKER);
        }
    }

    /** Every page of a list about the child, as the caller reads it (a worklist is ordered by urgency, not age). */
    private String listed(String path, Caller caller) throws Exception {
        StringBuilder pages = new StringBuilder();
        for (int page = 0, pageCount = 1; page < pageCount; page++) {
            String body = mvc.perform(get(path).param("childId", CHILD).param("size", "100")
                    .param("page", String.valueOf(page)).with(ShareApiTest.as(caller.agency())))
                    .andReturn().getResponse().getContentAsString();
            // an operator is refused (403): its answer holds no share
            pageCount = json.readTree(body).has("totalPages") ? json.readTree(body).get("totalPages").asInt() : 0;
            pages.append(body);
        }
        return pages.toString();
    }

    @Test
    void anInboxHoldsOnlyWhatWasAddressedToTheCaller() throws Exception {
        String shareId = share();
        for (Caller caller : Caller.values()) {
            if (caller.agency() == null) {
                continue;
            }
            assertThat(listed("/api/inbox/shares", caller).contains(shareId)).as(caller + "'s inbox")
                    .isEqualTo(caller == COUNTERPART);
        }
    }

    /** On Kafka too: each listener reads only what the access plan grants the service. */
    @Test
    void everyKafkaListener_readsOnlyWhatTheAccessPlanGrants() {
        assertThat(ListenerGrants.holdFor(listeners, "referrals")).isPositive();
    }
}
