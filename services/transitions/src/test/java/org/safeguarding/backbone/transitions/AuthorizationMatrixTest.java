package org.safeguarding.backbone.transitions;

import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.COUNTERPART;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.LEAD_AGENCY;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.MAKER;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.messaging.audit.LeadAgencies;
import org.safeguarding.backbone.testsupport.AuthorizationMatrix;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.LeadAgencyAnnouncer;
import org.safeguarding.backbone.transitions.transfer.query.InvolvementProjection;
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
    @Autowired JsonMapper json;
    @Autowired InvolvementProjection involvement;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints;

    @Autowired LeadAgencies leads;

    /** csc-b leads for the child (as the chronology would announce it), party to none of its transfers. */
    @BeforeEach
    void leadAgency() throws Exception {
        LeadAgencyAnnouncer.announce(leads, CHILD, LEAD_AGENCY.agency());
    }

    private static MockHttpServletRequestBuilder move() {
        return post("/api/transfers").contentType(MediaType.APPLICATION_JSON).content(MOVE);
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

    private AuthorizationMatrix matrix() {
        return new AuthorizationMatrix()
                .row("POST /api/transfers", caller -> {
                    involvement.involved(CHILD, List.of("school-a", "gp-a"), Instant.now());
                    return move();
                }, 403, MAKER, 201, COUNTERPART, 201)
                .row("GET /api/transfers/{transferId}", caller -> get("/api/transfers/{id}", transfer("school-a")),
                        404, MAKER, 200, COUNTERPART, 200, LEAD_AGENCY, 200)
                .row("POST /api/transfers/{transferId}/confirmation", caller -> post(
                        "/api/transfers/{id}/confirmation", transfer("csc-a")), 404, MAKER, 200, COUNTERPART, 403);
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
