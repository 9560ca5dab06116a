package org.safeguarding.backbone.transitions;

import static org.assertj.core.api.Assertions.assertThat;

import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.COUNTERPART;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.LEAD_AGENCY;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.MAKER;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.OTHER_INVOLVED;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.messaging.audit.LeadAgencies;
import org.safeguarding.backbone.testsupport.AuthorizationMatrix;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.HostileBodies;
import org.safeguarding.backbone.testsupport.LeadAgencyAnnouncer;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.Answer;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.AnswerConsultation;
import org.safeguarding.backbone.transitions.closure.process.ClosureConsulting;
import org.safeguarding.backbone.transitions.transfer.query.InvolvementProjection;
import org.safeguarding.backbone.testsupport.ListenerGrants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what on the transitions service: a child moving from school-a (which has worked with the child: the
 * record's maker) to csc-a (the counterpart), tried as every kind of caller, on fresh transfers. The forged transfer
 * of issue 7 (another agency named as the one the child left) is TransferApiTest's named test.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listener must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuthorizationMatrixTest {

    private static final String CHILD = "9990000077";
    private static final String MOVE = """
            {"child": {"nhsNumber": "%s"}, "fromAgency": "school-a", "toAgency": "csc-a",
             "reason": "Family moved", "movedOn": "2026-11-23"}""".formatted(CHILD);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired JsonMapper json;
    @Autowired InvolvementProjection involvement;
    @Autowired ClosureConsulting consulting;
    @Autowired CommandGateway commands;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints;

    @Autowired LeadAgencies leads;

    /** csc-b leads for the child (as the chronology would announce it), party to none of its transfers. */
    @BeforeEach
    void leadAgency() throws Exception {
        LeadAgencyAnnouncer.announce(leads, CHILD, LEAD_AGENCY.agency());
    }

    /** Each move on a day of its own: the same move reported twice is refused (TransferApiTest). */
    private static final AtomicInteger DAYS = new AtomicInteger();

    private static MockHttpServletRequestBuilder move() {
        return post("/api/transfers").contentType(MediaType.APPLICATION_JSON).content(MOVE.replace("2026-11-23",
                LocalDate.parse("2026-01-01").plusDays(DAYS.incrementAndGet()).toString()));
    }

    /** A transfer made by {@code agency}: recorded by school-a, or proposed by csc-a. */
    private String transfer(String agency) {
        involvement.involved(CHILD, List.of("school-a", "gp-a"), Instant.now());
        try {
            return json.readTree(mvc.perform(move().with(httpBasic(agency, "dev-only-" + agency))).andReturn()
                    .getResponse().getContentAsString()).get("transferId").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A consultation csc-a (the counterpart) opened before closing its work with the child: school-a (the maker) and
     * gp-a (involved otherwise) are consulted; {@code answers} given by them first.
     */
    private String consultation(AnswerConsultation... answers) {
        involvement.involved(CHILD, List.of("school-a", "gp-a", "csc-a"), Instant.now());
        String id = consulting.open(CHILD, "csc-a", "Assessment complete", Map.of("correlationId", "matrix"));
        for (AnswerConsultation answer : answers) {
            CorrelatedCommands.sendAndWait(commands, new AnswerConsultation(id, answer.agency(), answer.answer(),
                    answer.reasons(), Instant.now()), Map.of("correlationId", "matrix"));
        }
        return id;
    }

    private static AnswerConsultation answered(String agency, Answer answer) {
        return new AnswerConsultation(null, agency, answer, answer == Answer.CONCERN ? "Appointments missed" : null,
                null);
    }

    private AuthorizationMatrix matrix() {
        return new AuthorizationMatrix()
                .row("POST /api/transfers", caller -> {
                    involvement.involved(CHILD, List.of("school-a", "gp-a"), Instant.now());
                    return move();
                }, 403, MAKER, 201, COUNTERPART, 201)
                .row("GET /api/transfers/{transferId}", caller -> get("/api/transfers/{id}", transfer("school-a")),
                        404, MAKER, 200, COUNTERPART, 200, LEAD_AGENCY, 200)
                .row("POST /api/transfers/{transferId}/confirmation", caller -> post(
                        "/api/transfers/{id}/confirmation", transfer("csc-a")), 404, MAKER, 200, COUNTERPART, 403)
                // the package goes with a move school-a recorded to csc-a: csc-a (joining) acknowledges it
                .row("POST /api/transfers/{transferId}/package/acknowledgement", caller -> post(
                        "/api/transfers/{id}/package/acknowledgement", transfer("school-a"))
                        .contentType(MediaType.APPLICATION_JSON).content("{\"complete\": true}"), 404,
                        COUNTERPART, 200, MAKER, 403)
                // consultation before closure: any agency that has worked with the child may open one
                .row("POST /api/consultations", caller -> {
                    involvement.involved(CHILD, List.of("school-a", "gp-a", "csc-a"), Instant.now());
                    return post("/api/consultations").contentType(MediaType.APPLICATION_JSON).content(
                            "{\"child\": {\"nhsNumber\": \"" + CHILD + "\"}, \"reason\": \"Closing\"}");
                }, 403, MAKER, 201, COUNTERPART, 201, OTHER_INVOLVED, 201)
                .row("GET /api/consultations/{consultationId}", caller -> get("/api/consultations/{id}",
                        consultation()), 404, MAKER, 200, COUNTERPART, 200, OTHER_INVOLVED, 200, LEAD_AGENCY, 200)
                .row("POST /api/consultations/{consultationId}/answers", caller -> post(
                        "/api/consultations/{id}/answers", consultation()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"AGREE\"}"), 404, MAKER, 200, OTHER_INVOLVED, 200, COUNTERPART, 409)
                .row("POST /api/consultations/{consultationId}/concerns/{concernOf}/response", caller -> post(
                        "/api/consultations/{id}/concerns/gp-a/response", consultation(answered("gp-a",
                        Answer.CONCERN))).contentType(MediaType.APPLICATION_JSON).content("{\"response\": \"Noted\"}"),
                        404, COUNTERPART, 200, MAKER, 409, OTHER_INVOLVED, 409)
                .row("POST /api/consultations/{consultationId}/concerns/{concernOf}/override", caller -> post(
                        "/api/consultations/{id}/concerns/gp-a/override", consultation(answered("gp-a",
                        Answer.CONCERN))).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Health matter\"}"),
                        404, COUNTERPART, 200, MAKER, 409, OTHER_INVOLVED, 409)
                .row("POST /api/consultations/{consultationId}/closure", caller -> post(
                        "/api/consultations/{id}/closure", consultation(answered("school-a", Answer.AGREE),
                        answered("gp-a", Answer.AGREE))), 404, COUNTERPART, 200, MAKER, 409, OTHER_INVOLVED, 409);
    }

    @Test
    void everyEndpointHasARow() {
        matrix().coversExactly(AuthorizationMatrix.endpointsOf(endpoints));
    }

    @Test
    void everyCallerGetsWhatItShould_onEveryEndpoint() throws Exception {
        matrix().holds(mvc);
    }

    /** Issue 12: every command endpoint, sent broken and hostile JSON, answers with a problem, never a 500. */
    @Test
    void everyCommandBody_brokenOrHostile_isAnsweredWithAProblem_neverA500() throws Exception {
        assertThat(matrix().refusesHostileBodies(mvc, HostileBodies.seed(), HostileBodies.perEndpoint()))
                .isPositive();
    }

    /** On Kafka too: each listener reads only what the access plan grants the service. */
    @Test
    void everyKafkaListener_readsOnlyWhatTheAccessPlanGrants() {
        assertThat(ListenerGrants.holdFor(listeners, "transitions")).isPositive();
    }
}
