package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
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

/**
 * Issue 13: a draft checked before it is sent (R16: every problem and every plain-language warning, nothing
 * recorded), and how far back a share may be dated (part 6: configurable, a week by default).
 */
@SpringBootTest(properties = "backbone.referrals.shares.back-dating-limit=P7D")
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class ShareCheckApiTest {

    private static final String PROBLEM = "urn:safeguarding-backbone:problem:";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;

    private static MockHttpServletRequestBuilder check(String body) {
        return post("/api/shares/check").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /**
     * The shares recorded: their events and views. Each aggregate's first event only: a share dated days back may
     * pass its acknowledgement deadline at once, and the deadline's own event is stored whenever it fires.
     */
    private int recorded() {
        return jdbc.queryForObject("select count(*) from domain_event_entry where sequence_number = 0", Integer.class)
                + jdbc.queryForObject("select count(*) from share_view", Integer.class);
    }

    @Test
    void aGoodDraftWouldBeAccepted_withItsPlainLanguageWarnings_andNothingIsRecorded() throws Exception {
        int before = recorded();
        mvc.perform(check(VALID.replace("Concern about repeated unexplained absences",
                        "Concern about PA and repeated unexplained absences")).with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acceptable").value(true))
                .andExpect(jsonPath("$.problems.length()").value(0))
                .andExpect(jsonPath("$.plainLanguageWarnings[0].field").value("purpose"))
                .andExpect(jsonPath("$.plainLanguageWarnings[0].term").value("PA"))
                .andExpect(jsonPath("$.plainLanguageWarnings[0].suggestion").exists());
        assertThat(recorded()).isEqualTo(before);
    }

    @Test
    void aDraftWithManyProblemsGetsThemAllAtOnce_eachWithTheTypeASendWouldBeRefusedWith() throws Exception {
        String draft = VALID
                .replace("\"purpose\": \"Concern about repeated unexplained absences and a disclosure in class\",", "")
                .replace("[{\"agency\": \"csc-a\", \"team\": \"Front door team\"}, {\"agency\": \"gp-a\"}]",
                        "[{\"agency\": \"csc-a\"}, {\"agency\": \"csc-a\"}, {\"agency\": \"nobody-a\"}]")
                .replace("{\"status\": \"GIVEN\", \"reason\": \"Parent agreed at a meeting\", \"familyInformed\": true}",
                        "{\"status\": \"NOT_SOUGHT\", \"reason\": \"Would alert the adult\", \"familyInformed\": true}")
                .replace("\"currency\": \"CURRENT\"", "\"currency\": \"HISTORICAL\"")
                .replace("\"circumstances\": \"One-to-one\", ", "")
                .replace("\"channel\": \"WRITTEN\"", "\"channel\": \"WRITTEN\", \"occurredAt\": \""
                        + Instant.now().minus(Duration.ofDays(8)).truncatedTo(ChronoUnit.SECONDS) + "\"");
        int before = recorded();
        mvc.perform(check(draft).with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acceptable").value(false))
                .andExpect(jsonPath("$.problems[*].field").value(org.hamcrest.Matchers.contains(
                        "purpose", "recipients[2].agency", "occurredAt", "recipients",
                        "consent.safeguardingJustification", "statements[0].historicalRelevance",
                        "childVoice.circumstances")))
                .andExpect(jsonPath("$.problems[*].type").value(org.hamcrest.Matchers.contains(
                        PROBLEM + "invalid-request", PROBLEM + "unknown-agency", PROBLEM + "back-dated-too-far",
                        PROBLEM + "recipient-repeated", PROBLEM + "no-safeguarding-justification",
                        PROBLEM + "historical-without-relevance", PROBLEM + "child-words-without-context")))
                .andExpect(jsonPath("$.problems[1].message").value("'nobody-a' is not an agency known to the backbone."));
        assertThat(recorded()).isEqualTo(before);

        // the share as drafted is refused when sent, with the first of them
        mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(draft).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("purpose"));
        assertThat(recorded()).isEqualTo(before);
    }

    @Test
    void aDryRunIsAsStrictAboutWhatIsAShareAsSending() throws Exception {
        mvc.perform(check(VALID.replace("\"urgency\"", "\"urgncy\"")).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "unknown-field"));
        mvc.perform(check("{}").with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.acceptable").value(false))
                .andExpect(jsonPath("$.problems[?(@.field == 'child')]").exists())
                .andExpect(jsonPath("$.problems[?(@.field == 'consent')]").exists());
        mvc.perform(check(VALID)).andExpect(status().isUnauthorized());
    }

    @Test
    void aShareMayBeDatedBackAWeek_itSaysWhenItWasRecorded_andNoFurther() throws Exception {
        Instant sixDaysAgo = Instant.now().minus(Duration.ofDays(6)).truncatedTo(ChronoUnit.SECONDS);
        mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).with(as("school-a"))
                        .content(VALID.replace("\"channel\": \"WRITTEN\"",
                                "\"channel\": \"WRITTEN\", \"occurredAt\": \"" + sixDaysAgo + "\"")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sharedAt").value(sixDaysAgo.toString()))
                .andExpect(jsonPath("$.recordedAt").value(org.hamcrest.Matchers.startsWith(
                        Instant.now().toString().substring(0, 10))));

        int before = recorded();
        Instant eightDaysAgo = Instant.now().minus(Duration.ofDays(8));
        mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).with(as("school-a"))
                        .content(VALID.replace("\"channel\": \"WRITTEN\"",
                                "\"channel\": \"WRITTEN\", \"occurredAt\": \"" + eightDaysAgo + "\"")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value(PROBLEM + "back-dated-too-far"))
                .andExpect(jsonPath("$.errors[0].field").value("occurredAt"))
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("at most 7 days")));
        assertThat(recorded()).isEqualTo(before);
    }
}
