package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.web.idempotency.IdempotentRequests;
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

/**
 * Issue 13 part 6: a client that retries a POST after a timeout, with the same {@code Idempotency-Key}, gets the
 * first answer, not a second share and second feedback obligations.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class IdempotencyKeyApiTest {

    private static final String CHILD = "9990001634";
    private static final String SHARE = VALID.replace(ShareApiTest.CHILD, CHILD);
    private static final String PROBLEM = "urn:safeguarding-backbone:problem:";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired DataSource dataSource;
    @Autowired JsonMapper json;

    private static MockHttpServletRequestBuilder share(String body, String key) {
        return post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(body)
                .header("Idempotency-Key", key);
    }

    private int sharedEvents() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where payload_type like '%InformationShared'",
                Integer.class);
    }

    /**
     * Issue 12: the share and the answer a retry would get are recorded together or not at all. Here the store
     * refuses to keep the answer (a trigger, as a crash between the two would leave it): before, the share stayed
     * recorded with its key free, and the client's retry recorded it a second time.
     */
    @Test
    void theShareAndTheAnswerARetryGets_areRecordedTogetherOrNotAtAll() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assumeTrue(connection.getMetaData().getDatabaseProductName().equals("H2"), "a trigger written for H2");
        }
        String key = UUID.randomUUID().toString();
        int before = sharedEvents();
        jdbc.execute("create trigger refuse_answers before update on idempotent_request for each row call \""
                + RefuseAnswers.class.getName() + "\"");
        try {
            mvc.perform(share(SHARE, key).with(as("school-a")))
                    .andExpect(status().isInternalServerError())
                    .andExpect(jsonPath("$.type").value(PROBLEM + "internal-error"))
                    .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("nothing was recorded")));
            assertThat(sharedEvents()).as("not recorded without its answer").isEqualTo(before);
        } finally {
            jdbc.execute("drop trigger if exists refuse_answers");
        }

        mvc.perform(share(SHARE, key).with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        mvc.perform(share(SHARE, key).with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"));
        assertThat(sharedEvents()).as("recorded once").isEqualTo(before + 1);
    }

    /** An H2 trigger refusing every answer kept under a key. */
    public static class RefuseAnswers implements org.h2.api.Trigger {
        @Override
        public void fire(java.sql.Connection connection, Object[] before, Object[] after) throws java.sql.SQLException {
            throw new java.sql.SQLException("the test refuses to keep answers", "23000");
        }
    }

    @Test
    void aRetryWithTheSameKeyGetsTheFirstAnswer_andRecordsNothingMore() throws Exception {
        String key = UUID.randomUUID().toString();
        int before = sharedEvents();
        String first = mvc.perform(share(SHARE, key).with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"))
                .andReturn().getResponse().getContentAsString();
        String shareId = json.readTree(first).get("shareId").asString();

        mvc.perform(share(SHARE, key).with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/shares/" + shareId))
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.shareId").value(shareId));
        // the structured-field form of the same key is the same key
        mvc.perform(share(SHARE, "\"" + key + "\"").with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.shareId").value(shareId));
        assertThat(sharedEvents()).isEqualTo(before + 1);
        assertThat(jdbc.queryForObject("select count(*) from share_view where child_id = ? and shared_at >= ("
                + "select shared_at from share_view where share_id = ?)", Integer.class, CHILD, shareId)).isEqualTo(1);

        // the same key for another request is refused, and changes nothing
        mvc.perform(share(SHARE.replace("\"ROUTINE\"", "\"URGENT\""), key).with(as("school-a")))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.type").value(PROBLEM + "idempotency-key-reused"));
        mvc.perform(post("/api/shares/{id}/read", shareId).header("Idempotency-Key", key).with(as("school-a")))
                .andExpect(status().isUnprocessableContent());
        // each agency's keys are its own
        mvc.perform(share(SHARE.replace("[{\"agency\": \"csc-a\", \"team\": \"Front door team\"}, {\"agency\": \"gp-a\"}]",
                        "[{\"agency\": \"school-a\"}]"), key).with(as("police-a")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
        assertThat(sharedEvents()).isEqualTo(before + 2);
    }

    @Test
    void aRefusedRequestLeavesItsKeyFree_forTheCorrectedRequest() throws Exception {
        String key = "retry-" + UUID.randomUUID();
        mvc.perform(share(SHARE.replace("\"purpose\": \"Concern", "\"purpose\": \"\", \"x\": \"Concern"), key)
                        .with(as("school-a")))
                .andExpect(status().isBadRequest());
        mvc.perform(share(SHARE, key).with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(header().doesNotExist("Idempotent-Replayed"));
    }

    @Test
    void aKeyThatIsNotAKeyIsRefusedNamingTheHeader() throws Exception {
        int before = sharedEvents();
        for (String bad : new String[] {"", "has space", "x".repeat(101), "ümlaut"}) {
            mvc.perform(share(SHARE, bad).with(as("school-a")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value(PROBLEM + "invalid-request"))
                    .andExpect(jsonPath("$.errors[0].field").value("Idempotency-Key"));
        }
        mvc.perform(share(SHARE, "one").header("Idempotency-Key", "two").with(as("school-a")))
                .andExpect(status().isBadRequest());
        assertThat(sharedEvents()).isEqualTo(before);
    }

    @Test
    void aRetryWhileTheFirstIsBeingAnswered_waits_andOneLeftUnansweredByAStoppedServiceIsTakenOver() {
        Instant now = Instant.parse("2026-11-26T09:00:00Z");
        IdempotentRequests first = new IdempotentRequests(jdbc, Duration.ofDays(1), Duration.ofMinutes(2),
                Clock.fixed(now, ZoneOffset.UTC));
        String key = "k-" + UUID.randomUUID();
        assertThat(first.claim("school-a", key, "f1")).isInstanceOf(IdempotentRequests.Claimed.class);
        assertThat(first.claim("school-a", key, "f1")).isInstanceOfSatisfying(IdempotentRequests.Found.class,
                found -> assertThat(found.stored().answered()).isFalse());

        IdempotentRequests later = new IdempotentRequests(jdbc, Duration.ofDays(1), Duration.ofMinutes(2),
                Clock.fixed(now.plus(Duration.ofMinutes(3)), ZoneOffset.UTC));
        assertThat(later.claim("school-a", key, "f2")).as("another request under the key")
                .isInstanceOf(IdempotentRequests.Found.class);
        assertThat(later.claim("school-a", key, "f1")).as("the same request, its first try abandoned")
                .isInstanceOf(IdempotentRequests.Claimed.class);
        later.answered("school-a", key, 201, "/api/shares/s-1", "application/json", "{}");
        assertThat(later.claim("school-a", key, "f1")).isInstanceOfSatisfying(IdempotentRequests.Found.class,
                found -> assertThat(found.stored()).extracting(IdempotentRequests.Stored::answered,
                        IdempotentRequests.Stored::status, IdempotentRequests.Stored::location)
                        .containsExactly(true, 201, "/api/shares/s-1"));

        IdempotentRequests nextWeek = new IdempotentRequests(jdbc, Duration.ofDays(1), Duration.ofMinutes(2),
                Clock.fixed(now.plus(Duration.ofDays(7)), ZoneOffset.UTC));
        assertThat(nextWeek.claim("school-a", key, "f9")).as("kept a day, then forgotten")
                .isInstanceOf(IdempotentRequests.Claimed.class);
    }
}
