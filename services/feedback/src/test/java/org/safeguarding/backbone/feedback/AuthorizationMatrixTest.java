package org.safeguarding.backbone.feedback;

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
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.audit.LeadAgencies;
import org.safeguarding.backbone.testsupport.AuthorizationMatrix;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.LeadAgencyAnnouncer;
import org.springframework.beans.factory.annotation.Autowired;
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

    private AuthorizationMatrix matrix() {
        return new AuthorizationMatrix()
                .row("GET /api/feedback", caller -> get("/api/feedback"), 200)
                .row("GET /api/feedback/{feedbackId}", caller -> get("/api/feedback/{id}", owed()), 404,
                        MAKER, 200, COUNTERPART, 200, LEAD_AGENCY, 200)
                .row("POST /api/feedback/{feedbackId}", caller -> post("/api/feedback/{id}", owed())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actionTaken\": \"Visit\", \"outcome\": \"Plan\"}"), 404,
                        MAKER, 409, COUNTERPART, 200);
    }

    @Test
    void everyEndpointHasARow() {
        matrix().coversExactly(AuthorizationMatrix.endpointsOf(endpoints));
    }

    @Test
    void everyCallerGetsWhatItShould_onEveryEndpoint() throws Exception {
        matrix().holds(mvc);
    }
}
