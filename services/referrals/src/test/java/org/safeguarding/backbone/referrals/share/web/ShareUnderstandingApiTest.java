package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.ClarificationAnswered;
import org.safeguarding.backbone.contracts.referrals.v1.ClarificationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationUseRecorded;
import org.safeguarding.backbone.contracts.referrals.v1.UnderstandingConfirmed;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRead;
import org.safeguarding.backbone.contracts.referrals.v1.UnderstandingConfirmed;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** R9 and R17 over HTTP: read, understood, asked and answered, used; each a separate fact, each published. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class ShareUnderstandingApiTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    @Test
    void recipientsReadUnderstandAskAndRecordUse_theSenderAnswers_allOnTheRecord() throws Exception {
        String shareId = json.readTree(mvc.perform(postJson("/api/shares", VALID).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();

        mvc.perform(post("/api/shares/{id}/read", shareId).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[0].status").value("READ"))
                .andExpect(jsonPath("$.recipients[0].acknowledged").value(true));
        mvc.perform(postJson("/api/shares/{id}/understanding", "{\"note\": \"Clear; strat today\"}",
                        shareId).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[0].status").value("UNDERSTOOD"))
                // what it understood is on the record for the sender, in the thread, its jargon pointed out (R16)
                .andExpect(jsonPath("$.thread[0].kind").value("UNDERSTANDING"))
                .andExpect(jsonPath("$.thread[0].agency").value("csc-a"))
                .andExpect(jsonPath("$.thread[0].text").value("Clear; strat today"))
                .andExpect(jsonPath("$.thread[0].plainLanguageWarnings[0].suggestion").value("strategy discussion"));

        mvc.perform(postJson("/api/shares/{id}/clarifications", "{\"question\": \"Which days were the absences?\", "
                        + "\"questionId\": \"q-absences\"}", shareId).with(as("gp-a")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/shares/" + shareId + "/clarifications/q-absences"))
                .andExpect(jsonPath("$.recipients[1].status").value("CLARIFICATION_PENDING"))
                .andExpect(jsonPath("$.thread[1].kind").value("QUESTION"));
        // its own question open, the GP does not confirm it understood without saying why
        mvc.perform(postJson("/api/shares/{id}/understanding", "{}", shareId).with(as("gp-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:understanding-with-open-question"));
        mvc.perform(postJson("/api/shares/{id}/clarifications/{q}/answer", "{\"answer\": \"Mondays and Fridays\"}",
                        shareId, "q-absences").with(as("gp-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-the-sender"));
        mvc.perform(postJson("/api/shares/{id}/clarifications/{q}/answer", "{\"answer\": \"Mondays and Fridays\"}",
                        shareId, "q-absences").with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[1].status").value("NEW"))
                .andExpect(jsonPath("$.thread[2].kind").value("ANSWER"))
                .andExpect(jsonPath("$.thread[2].text").value("Mondays and Fridays"));
        mvc.perform(postJson("/api/shares/{id}/clarifications/{q}/answer", "{\"answer\": \"again\"}",
                        shareId, "nope").with(as("school-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:no-open-question"));
        mvc.perform(postJson("/api/shares/{id}/uses", "{\"howUsed\": \"Added to the child's health record; "
                        + "HV to call the family\"}", shareId).with(as("gp-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.thread[3].kind").value("USE"))
                .andExpect(jsonPath("$.thread[3].plainLanguageWarnings[0].field").value("howUsed"))
                .andExpect(jsonPath("$.thread[3].plainLanguageWarnings[0].term").value("HV"));
        mvc.perform(postJson("/api/shares/{id}/uses", "{}", shareId).with(as("gp-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("howUsed"));
        mvc.perform(post("/api/shares/{id}/read", shareId).with(as("police-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/shares/{id}", shareId).with(as("school-a")))
                .andExpect(jsonPath("$.thread.length()").value(4));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<ConsumerRecord<String, SpecificRecord>> acts = reader.await(r -> about(r.value(), shareId), 5,
                    Duration.ofSeconds(60));
            assertThat(acts).extracting(r -> r.value().getClass().getSimpleName()).containsExactly(
                    "ShareRead", "UnderstandingConfirmed", "ClarificationRequested", "ClarificationAnswered",
                    "InformationUseRecorded");
            assertThat(((InformationUseRecorded) acts.get(4).value()).getPlainLanguageWarnings())
                    .extracting(w -> w.getTerm()).containsExactly("HV");
            assertThat(((UnderstandingConfirmed) acts.get(1).value()).getPlainLanguageWarnings())
                    .extracting(w -> w.getTerm()).containsExactly("strat");
        }
    }

    /**
     * Issue 13 part 6: the thread has no total size one party can exhaust. Stored as one JSON column, 250 recorded
     * uses of 4,000 characters filled it, and every later question and answer on the share failed with a 500.
     */
    @Test
    void aLongThreadNeverFills_eachEntryIsBoundedInstead() throws Exception {
        String shareId = json.readTree(mvc.perform(postJson("/api/shares", VALID).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();
        String longUse = "{\"howUsed\": \"" + "Discussed at the weekly team meeting. ".repeat(105) + "\"}";
        assertThat(longUse.length()).isGreaterThan(3_990).isLessThan(4_020);
        for (int i = 0; i < 260; i++) {
            mvc.perform(postJson("/api/shares/{id}/uses", longUse, shareId).with(as("gp-a")))
                    .andExpect(status().isOk());
        }
        mvc.perform(postJson("/api/shares/{id}/clarifications", "{\"question\": \"Is the plan still current?\", "
                        + "\"questionId\": \"q-after-many-uses\"}", shareId).with(as("gp-a")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.thread.length()").value(261))
                .andExpect(jsonPath("$.thread[260].kind").value("QUESTION"))
                .andExpect(jsonPath("$.recipients[1].status").value("CLARIFICATION_PENDING"));
        mvc.perform(postJson("/api/shares/{id}/clarifications/{q}/answer", "{\"answer\": \"Yes, reviewed today\"}",
                        shareId, "q-after-many-uses").with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.thread[261].text").value("Yes, reviewed today"))
                .andExpect(jsonPath("$.thread[0].kind").value("USE"));
        // and each entry is bounded
        mvc.perform(postJson("/api/shares/{id}/uses", "{\"howUsed\": \"" + "x".repeat(4001) + "\"}", shareId)
                        .with(as("gp-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("howUsed"));
    }

    static boolean about(SpecificRecord record, String shareId) {
        return (record instanceof ShareRead r && r.getShareId().equals(shareId))
                || (record instanceof UnderstandingConfirmed u && u.getShareId().equals(shareId))
                || (record instanceof ClarificationRequested q && q.getShareId().equals(shareId))
                || (record instanceof ClarificationAnswered a && a.getShareId().equals(shareId))
                || (record instanceof InformationUseRecorded u2 && u2.getShareId().equals(shareId));
    }
}
