package org.safeguarding.backbone.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.COUNTERPART;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.LEAD_AGENCY;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.MAKER;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.AnswerChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.ChallengeFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.audit.LeadAgencies;
import org.safeguarding.backbone.testsupport.AuthorizationMatrix;
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
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may call what on the feedback service: feedback csc-a owes school-a (the referrer, the record's maker) for a
 * share, made afresh for each cell, tried as every kind of caller.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listener must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuthorizationMatrixTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired CommandGateway commands;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints;

    @Autowired LeadAgencies leads;

    /** csc-b leads for the child (as the chronology would announce it), party to none of its feedback. */
    @BeforeEach
    void leadAgency() throws Exception {
        LeadAgencyAnnouncer.announce(leads, "9990000018", LEAD_AGENCY.agency());
    }

    /** Feedback owed by csc-a to school-a, as a share from school-a to csc-a opens it. */
    private String owed() {
        String feedbackId = UUID.randomUUID().toString();
        CorrelatedCommands.sendAndWait(commands, new RequestFeedback(feedbackId, UUID.randomUUID().toString(),
                "9990000018", "csc-a", "school-a", LocalDate.now().plusDays(14), Instant.now()),
                Map.of("correlationId", "matrix"));
        return feedbackId;
    }

    /** The same, given by csc-a. */
    private String given() {
        String feedbackId = owed();
        CorrelatedCommands.sendAndWait(commands, new GiveFeedback(feedbackId, "csc-a", "Visit", "No further action",
                Instant.now()), Map.of("correlationId", "matrix"));
        return feedbackId;
    }

    /** The same, challenged by school-a: challenge 1, at level 1, addressed to csc-a. */
    private String challenged() {
        String feedbackId = given();
        CorrelatedCommands.sendAndWait(commands, new ChallengeFeedback(feedbackId, "school-a", "Child not seen",
                Instant.now()), Map.of("correlationId", "matrix"));
        return feedbackId;
    }

    /** The same, its challenge answered by csc-a. */
    private String answered() {
        String feedbackId = challenged();
        CorrelatedCommands.sendAndWait(commands, new AnswerChallenge(feedbackId, 1, "csc-a", "Visit booked",
                Instant.now()), Map.of("correlationId", "matrix"));
        return feedbackId;
    }

    private AuthorizationMatrix matrix() {
        return new AuthorizationMatrix()
                .row("GET /api/feedback", caller -> get("/api/feedback"), 200)
                .row("GET /api/feedback/{feedbackId}", caller -> get("/api/feedback/{id}", owed()), 404,
                        MAKER, 200, COUNTERPART, 200, LEAD_AGENCY, 200)
                .row("POST /api/feedback/{feedbackId}", caller -> post("/api/feedback/{id}", owed())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actionTaken\": \"Visit\", \"outcome\": \"Plan\"}"), 404,
                        MAKER, 409, COUNTERPART, 200)
                .row("POST /api/feedback/{feedbackId}/challenges", caller -> post("/api/feedback/{id}/challenges",
                        given()).contentType(MediaType.APPLICATION_JSON).content("{\"reasons\": \"Not seen\"}"), 404,
                        MAKER, 200, COUNTERPART, 409)
                .row("POST /api/feedback/{feedbackId}/challenges/{challenge}/answers", caller -> post(
                        "/api/feedback/{id}/challenges/1/answers", challenged()).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"Visit booked\"}"), 404,
                        MAKER, 409, COUNTERPART, 200)
                .row("POST /api/feedback/{feedbackId}/challenges/{challenge}/escalations", caller -> post(
                        "/api/feedback/{id}/challenges/1/escalations", answered())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasons\": \"Still not seen\"}"), 404,
                        MAKER, 200, COUNTERPART, 409)
                .row("POST /api/feedback/{feedbackId}/challenges/{challenge}/resolution", caller -> post(
                        "/api/feedback/{id}/challenges/1/resolution", answered())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"resolution\": \"Agreed\"}"), 404,
                        MAKER, 200, COUNTERPART, 409);
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
        assertThat(ListenerGrants.holdFor(listeners, "feedback")).isPositive();
    }
}
