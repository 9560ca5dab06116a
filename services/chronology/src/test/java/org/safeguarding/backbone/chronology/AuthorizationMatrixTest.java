package org.safeguarding.backbone.chronology;

import static org.assertj.core.api.Assertions.assertThat;

import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.COUNTERPART;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.EXPIRED_REVIEWER;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.LEAD_AGENCY;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.MAKER;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.OTHER_INVOLVED;
import static org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller.REVIEWER;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.webhook.process.Webhooks;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.testsupport.AuthorizationMatrix;
import org.safeguarding.backbone.testsupport.AuthorizationMatrix.Caller;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.HostileBodies;
import org.safeguarding.backbone.testsupport.ListenerGrants;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may call what on the chronology service. The child's history: school-a (the maker) shared with csc-a (the
 * counterpart, children's social care of area a); gp-a shared with csc-a too (involved through another act); then the
 * child moved to school-c in area b, which shared with csc-b (children's social care of area b: now the lead agency;
 * csc-a no longer is). partnership-a has a review of the child open, and another that has expired.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class AuthorizationMatrixTest {

    private static final String CHILD = "9990001405";
    private static final String REVIEW_BODY = """
            {"child": {"nhsNumber": "%s"}, "reviewerAgency": "partnership-a", "reviewerPerson": "Reviewer",
             "reason": "Rapid review", "legalBasis": "Children Act 2004 s.16C", "periodFrom": "2026-01-01",
             "periodTo": "2026-11-20", "expiresAt": "%s"}""";

    private static final String HOLD_BODY = "{\"purpose\": \"REVIEW\", \"reference\": \"CSPR-0001\"}";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaListenerEndpointRegistry listeners;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired Webhooks webhooks;
    @Autowired @Qualifier("requestMappingHandlerMapping") RequestMappingHandlerMapping endpoints;

    private static String openReview;
    private static String expiredReview;
    private static String schoolShare;

    @BeforeEach
    void history() throws Exception {
        if (openReview != null) {
            return;
        }
        schoolShare = share("school-a", "csc-a", "2026-03-02T10:00:00Z");
        share("gp-a", "csc-a", "2026-03-02T10:00:00Z");
        // the child moves to a school in area b, which shares with its children's social care: csc-b now leads
        Instant moved = Instant.parse("2026-04-01T10:00:00Z");
        kafka.send(Topics.TRANSITIONS, CHILD, ChildTransferred.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(CHILD)
                        .setOccurredAt(moved).setRecordedAt(moved).setActingAgency("school-a").setCorrelationId("t")
                        .build())
                .setTransferId(UUID.randomUUID().toString()).setFromAgency("school-a").setToAgency("school-c")
                .setReason("Family moved").setMovedOn(LocalDate.parse("2026-03-31")).build()).get();
        share("school-c", "csc-b", "2026-04-02T10:00:00Z");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from chronology_entry where child_id = ?", Integer.class, CHILD) == 4);
        openReview = review();
        // a review whose time has run out (opening one already expired is refused, so it is set down here)
        expiredReview = UUID.randomUUID().toString();
        jdbc.update("""
                insert into review_view (review_id, child_id, opened_by, reviewer_agency, reviewer_person, reason,
                    legal_basis, period_from, period_to, expires_at, opened_at, status)
                values (?, ?, 'partnership-a', 'partnership-a', 'Reviewer', 'Rapid review', 'Children Act 2004',
                    ?, ?, ?, ?, 'OPEN')""", expiredReview, CHILD, java.sql.Date.valueOf(LocalDate.parse("2026-01-01")),
                java.sql.Date.valueOf(LocalDate.parse("2026-11-20")), Timestamp.from(Instant.now().minusSeconds(60)),
                Timestamp.from(Instant.now().minusSeconds(86_400)));
    }

    private String share(String from, String to, String when) throws Exception {
        Instant at = Instant.parse(when);
        String shareId = UUID.randomUUID().toString();
        kafka.send(Topics.REFERRALS, CHILD, InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(CHILD)
                        .setOccurredAt(at).setRecordedAt(at).setActingAgency(from).setCorrelationId("c").build())
                .setShareId(shareId).setSenderAgency(from).setRecipientAgencies(List.of(to))
                .setPurpose("Concern").setStatements(List.of(Statement.newBuilder().setText("Seen").build()))
                .build()).get();
        return shareId;
    }

    /** A hold partnership-a placed on the child's records, open. */
    private String hold() {
        try {
            return json.readTree(mvc.perform(post("/api/children/{id}/legal-holds", CHILD)
                            .contentType(MediaType.APPLICATION_JSON).content(HOLD_BODY)
                            .with(httpBasic("partnership-a", "dev-only-partnership-a")))
                    .andReturn().getResponse().getContentAsString()).get("holdId").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String review() {
        try {
            return json.readTree(mvc.perform(post("/api/reviews").contentType(MediaType.APPLICATION_JSON)
                            .content(REVIEW_BODY.formatted(CHILD, Instant.now().plus(Duration.ofDays(30))))
                            .with(httpBasic("partnership-a", "dev-only-partnership-a")))
                    .andReturn().getResponse().getContentAsString()).get("reviewId").asString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The child's chronology or access log, under the open review or the expired one for those callers. */
    private MockHttpServletRequestBuilder underReview(String path, Caller caller) {
        return underReview(get(path, CHILD), caller);
    }

    private MockHttpServletRequestBuilder underReview(MockHttpServletRequestBuilder request, Caller caller) {
        return caller == REVIEWER ? request.param("review", openReview)
                : caller == EXPIRED_REVIEWER ? request.param("review", expiredReview)
                : request;
    }

    /** The caller's own webhook, registered (an agency manages its own, and only its own). */
    private <T> T registered(Caller caller, T request) {
        if (caller.agency() != null && caller != Caller.OPERATOR) {
            webhooks.register(caller.agency(), "http://127.0.0.1:9/nothing-listens-here",
                    "dev-only-matrix-webhook-secret");
        }
        return request;
    }

    private AuthorizationMatrix matrix() {
        return new AuthorizationMatrix()
                .row("GET /api/children/{nhsNumber}/chronology",
                        caller -> underReview("/api/children/{id}/chronology", caller), 403,
                        MAKER, 200, COUNTERPART, 200, OTHER_INVOLVED, 200, LEAD_AGENCY, 200, REVIEWER, 200)
                // what the school knew: for the school itself, the lead agency and the open review's reviewer
                .row("GET /api/children/{nhsNumber}/chronology?asKnownAt", caller -> underReview(
                        get("/api/children/{id}/chronology", CHILD).param("asKnownAt", Instant.now().toString())
                                .param("agency", "school-a"), caller), 403,
                        MAKER, 200, LEAD_AGENCY, 200, REVIEWER, 200)
                .row("GET /api/children/{nhsNumber}/known-by", caller -> underReview(
                        get("/api/children/{id}/known-by", CHILD).param("record", "share:" + schoolShare), caller),
                        404, MAKER, 200, COUNTERPART, 200, LEAD_AGENCY, 200, REVIEWER, 200, EXPIRED_REVIEWER, 403)
                // the reviewers' page and its export: as the chronology
                .row("GET /reviewer/children/{nhsNumber}/timeline",
                        caller -> underReview("/reviewer/children/{id}/timeline", caller), 403,
                        MAKER, 200, COUNTERPART, 200, OTHER_INVOLVED, 200, LEAD_AGENCY, 200, REVIEWER, 200)
                .row("GET /reviewer/children/{nhsNumber}/timeline.csv",
                        caller -> underReview("/reviewer/children/{id}/timeline.csv", caller), 403,
                        MAKER, 200, COUNTERPART, 200, OTHER_INVOLVED, 200, LEAD_AGENCY, 200, REVIEWER, 200)
                .row("GET /api/children/{nhsNumber}/access-log",
                        caller -> underReview("/api/children/{id}/access-log", caller), 403,
                        LEAD_AGENCY, 200, REVIEWER, 200)
                .row("POST /api/reviews", caller -> post("/api/reviews").contentType(MediaType.APPLICATION_JSON)
                                .content(REVIEW_BODY.formatted(CHILD, Instant.now().plus(Duration.ofDays(30)))), 403,
                        REVIEWER, 201, EXPIRED_REVIEWER, 201)
                .row("GET /api/reviews/{reviewId}", caller -> get("/api/reviews/{id}", review()), 404,
                        REVIEWER, 200, EXPIRED_REVIEWER, 200)
                .row("POST /api/reviews/{reviewId}/closure", caller -> post("/api/reviews/{id}/closure", review()),
                        404, REVIEWER, 200, EXPIRED_REVIEWER, 200)
                .row("POST /api/reviews/{reviewId}/revocation", caller -> post("/api/reviews/{id}/revocation",
                        review()).contentType(MediaType.APPLICATION_JSON).content("{\"reason\": \"Stood down\"}"),
                        404, REVIEWER, 200, EXPIRED_REVIEWER, 200)
                // a legal hold on the child's records (R18): placed by a partnership, released by the one that placed it
                .row("POST /api/children/{nhsNumber}/legal-holds", caller -> post("/api/children/{id}/legal-holds",
                                CHILD).contentType(MediaType.APPLICATION_JSON).content(HOLD_BODY), 403,
                        REVIEWER, 201, EXPIRED_REVIEWER, 201)
                .row("POST /api/children/{nhsNumber}/legal-holds/{holdId}/release", caller -> post(
                                "/api/children/{id}/legal-holds/{holdId}/release", CHILD, hold()), 403,
                        REVIEWER, 200, EXPIRED_REVIEWER, 200)
                // each agency's own webhook: there is no way to name another's
                .row("PUT /api/webhook", caller -> put("/api/webhook").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"http://127.0.0.1:9/hook\", \"secret\": \"dev-only-matrix-webhook-secret\"}"),
                        200)
                .row("GET /api/webhook", caller -> registered(caller, get("/api/webhook")), 200)
                .row("GET /api/webhook/deliveries", caller -> registered(caller, get("/api/webhook/deliveries")), 200)
                .row("POST /api/webhook/resumption", caller -> registered(caller, post("/api/webhook/resumption")),
                        409)
                .row("DELETE /api/webhook", caller -> registered(caller, delete("/api/webhook")), 204);
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
        assertThat(ListenerGrants.holdFor(listeners, "chronology")).isPositive();
    }
}
