package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.AcknowledgementOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpRecorded;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** R7 and R11 for real: deadlines kept in the database, fired by the scheduler, recorded and published. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class ShareDeadlinesApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired DeadlineManager deadlines;

    private String share(String urgency, String channel, Instant occurredAt) throws Exception {
        String body = VALID.replace("\"urgency\": \"ROUTINE\", \"channel\": \"WRITTEN\"",
                "\"urgency\": \"" + urgency + "\", \"channel\": \"" + channel + "\", \"occurredAt\": \"" + occurredAt + "\"");
        String response = mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(response).get("shareId").asString();
    }

    @Test
    void deadlinesAreKeptInTheDatabase() {
        assertThat(deadlines).isInstanceOf(DbSchedulerDeadlineManager.class);
    }

    @Test
    void aPhoneCallTenDaysAgo_neitherAcknowledgedNorWrittenUp_isFlaggedOverdue_andPublished() throws Exception {
        String shareId = share("IMMEDIATE", "PHONE", Instant.now().minus(10, ChronoUnit.DAYS));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get("/api/shares/{id}", shareId).with(as("school-a")))
                        .andExpect(jsonPath("$.acknowledgementOverdue").value(true))
                        .andExpect(jsonPath("$.writtenFollowUpOverdue").value(true)));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<?> overdue = reader.await(r -> (r.value() instanceof AcknowledgementOverdue a
                    && a.getShareId().equals(shareId)) || (r.value() instanceof WrittenFollowUpOverdue w
                    && w.getShareId().equals(shareId)), 2, Duration.ofSeconds(60));
            assertThat(overdue).hasSize(2);
        }
    }

    @Test
    void theSenderFollowsAPhoneCallUpInWriting_othersCannot_andAWrittenShareNeedsNone() throws Exception {
        String phoned = share("URGENT", "PHONE", Instant.now().minusSeconds(60));
        String body = "{\"writtenRecord\": \"Letter to the front door team (MASH) confirming the call\"}";

        mvc.perform(post("/api/shares/{id}/written-follow-up", phoned).contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(as("csc-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-the-sender"));
        mvc.perform(post("/api/shares/{id}/written-follow-up", phoned).contentType(MediaType.APPLICATION_JSON)
                        .content("{}").with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("writtenRecord"));
        mvc.perform(post("/api/shares/{id}/written-follow-up", phoned).contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.writtenFollowUpAt").exists())
                .andExpect(jsonPath("$.writtenFollowUpOverdue").value(false));
        // the recipients read what was written, not only when, and the jargon in it is pointed out (R16)
        mvc.perform(get("/api/shares/{id}", phoned).with(as("csc-a")))
                .andExpect(jsonPath("$.writtenFollowUp").value("Letter to the front door team (MASH) confirming the "
                        + "call"))
                .andExpect(jsonPath("$.writtenFollowUpWarnings[0].field").value("writtenRecord"))
                .andExpect(jsonPath("$.writtenFollowUpWarnings[0].term").value("MASH"))
                .andExpect(jsonPath("$.writtenFollowUpWarnings[0].suggestion").value("multi-agency safeguarding hub"));
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            WrittenFollowUpRecorded recorded = (WrittenFollowUpRecorded) reader.await(r -> r.value()
                    instanceof WrittenFollowUpRecorded w && w.getShareId().equals(phoned), 1,
                    Duration.ofSeconds(60)).get(0).value();
            assertThat(recorded.getPlainLanguageWarnings()).extracting(w -> w.getTerm()).containsExactly("MASH");
        }

        String written = share("ROUTINE", "WRITTEN", Instant.now().minusSeconds(60));
        mvc.perform(post("/api/shares/{id}/written-follow-up", written).contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(as("school-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:share-not-verbal"));
    }

    @Test
    void aPoliceNoticeSentOnASunday_isOverdueAtTheSchoolOnlyAfterItsFirstHourOnMonday_eachRecipientItsOwnDeadline()
            throws Exception {
        // Operation Encompass: police tell the child's school and children's social care of an incident overnight
        Instant sunday = Instant.parse("2026-11-22T07:00:00Z");
        String body = VALID.replace("\"urgency\": \"ROUTINE\", \"channel\": \"WRITTEN\"",
                        "\"urgency\": \"IMMEDIATE\", \"channel\": \"WRITTEN\", \"occurredAt\": \"" + sunday + "\"")
                .replace("[{\"agency\": \"csc-a\", \"team\": \"Front door team\"}, {\"agency\": \"gp-a\"}]",
                        "[{\"agency\": \"school-a\"}, {\"agency\": \"csc-a\"}]");
        String shareId = json.readTree(mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(body).with(as("police-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<AcknowledgementOverdue> overdue = reader.await(r -> r.value() instanceof AcknowledgementOverdue a
                    && a.getShareId().equals(shareId), 2, Duration.ofSeconds(60)).stream()
                    .map(r -> (AcknowledgementOverdue) r.value()).toList();
            // both long past here, so fired together, in no particular order; each names its own deadline
            assertThat(overdue).extracting(a -> a.getOverdueAgencies() + " due " + a.getDueAt())
                    .containsExactlyInAnyOrder(
                    "[csc-a] due 2026-11-22T08:00:00Z",
                    // the school opens at 08:30 on Monday, and has the hour from then
                    "[school-a] due 2026-11-23T09:30:00Z");
            assertThat(overdue).extracting(a -> a.getEnvelope().getCorrelationId()).as("the share's conversation")
                    .containsOnly(overdue.get(0).getEnvelope().getCorrelationId()).doesNotContainNull();
        }
        mvc.perform(get("/api/shares/{id}", shareId).with(as("police-a")))
                .andExpect(jsonPath("$.acknowledgeBy").value("2026-11-22T08:00:00Z"))
                .andExpect(jsonPath("$.recipients[0].agency").value("school-a"))
                .andExpect(jsonPath("$.recipients[0].acknowledgeBy").value("2026-11-23T09:30:00Z"))
                .andExpect(jsonPath("$.recipients[0].acknowledgementOverdue").value(true))
                .andExpect(jsonPath("$.recipients[1].acknowledgeBy").value("2026-11-22T08:00:00Z"));
        mvc.perform(get("/api/inbox/shares").with(as("school-a")))
                .andExpect(jsonPath("$.items[?(@.shareId == '" + shareId + "')].acknowledgeBy")
                        .value(org.hamcrest.Matchers.contains("2026-11-23T09:30:00Z")));
    }
}
