package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
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
import org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.ShareCorrected;
import org.safeguarding.backbone.contracts.referrals.v1.ShareWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.StatementVerified;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 13 part 1 over HTTP (R4, R5): a statement corrected and a share withdrawn, each with a reason, the original
 * kept; every recipient sees the correction waiting for its acknowledgement (first in its inbox); a statement
 * verified later; each a fact on Kafka.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class ShareCorrectionApiTest {

    private static final String CHILD = "9990001642";
    private static final String CORRECTION = """
            {"statementIndex": 0, "reason": "One absence was an authorised medical appointment",
             "corrected": {"text": "Absent 5 of the last 10 school days", "kind": "FACT", "currency": "CURRENT",
                           "source": "Attendance register", "verification": "VERIFIED", "verifiedBy": "Attendance officer"}}""";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired SealedRecords sealed;

    private String share() throws Exception {
        return share(CHILD);
    }

    private String share(String child) throws Exception {
        return json.readTree(mvc.perform(postJson("/api/shares", VALID.replace(ShareApiTest.CHILD, child))
                        .with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();
    }

    @Test
    void theSenderCorrectsAStatement_theOriginalStays_eachRecipientAcknowledgesIt_andAStatementIsVerifiedLater()
            throws Exception {
        String shareId = share();
        String older = share();
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(as("csc-a"))).andExpect(status().isOk());
        mvc.perform(post("/api/shares/{id}/acknowledgements", older).with(as("csc-a"))).andExpect(status().isOk());

        mvc.perform(postJson("/api/shares/{id}/corrections", CORRECTION, shareId).with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", "/api/shares/" + shareId + "/corrections/1"))
                .andExpect(jsonPath("$.statements[0].text").value("Absent 6 of the last 10 school days"))
                .andExpect(jsonPath("$.statementsAsCorrected[0].text").value("Absent 5 of the last 10 school days"))
                .andExpect(jsonPath("$.corrections[0].correction").value(1))
                .andExpect(jsonPath("$.corrections[0].kind").value("STATEMENT_CORRECTED"))
                .andExpect(jsonPath("$.corrections[0].reason").value("One absence was an authorised medical appointment"))
                .andExpect(jsonPath("$.corrections[0].recipients[*].agency").value(contains("csc-a", "gp-a")))
                .andExpect(jsonPath("$.recipients[0].status").value("CORRECTION_PENDING"))
                .andExpect(jsonPath("$.recipients[0].correctionDueBy").exists());
        // only the sender corrects; a statement the share has; with a reason
        mvc.perform(postJson("/api/shares/{id}/corrections", CORRECTION, shareId).with(as("csc-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-the-sender"));
        mvc.perform(postJson("/api/shares/{id}/corrections", CORRECTION.replace("\"statementIndex\": 0",
                        "\"statementIndex\": 7"), shareId).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:no-such-statement"));
        mvc.perform(postJson("/api/shares/{id}/corrections", CORRECTION.replace(
                        "\"reason\": \"One absence was an authorised medical appointment\",", ""), shareId)
                        .with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));

        // the correction waits first in the recipient's inbox, ahead of what it has acknowledged
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).with(as("csc-a")))
                .andExpect(jsonPath("$.items[*].shareId").value(contains(shareId, older)))
                .andExpect(jsonPath("$.items[0].status").value("CORRECTION_PENDING"));
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).param("status", "CORRECTION_PENDING")
                        .with(as("gp-a")))
                .andExpect(jsonPath("$.totalItems").value(1));

        mvc.perform(post("/api/shares/{id}/corrections/1/acknowledgement", shareId).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[0].status").value("ACKNOWLEDGED"))
                .andExpect(jsonPath("$.corrections[0].recipients[0].acknowledgedAt").exists())
                .andExpect(jsonPath("$.recipients[1].status").value("CORRECTION_PENDING"));
        mvc.perform(post("/api/shares/{id}/corrections/9/acknowledgement", shareId).with(as("csc-a")))
                .andExpect(status().isNotFound());

        mvc.perform(postJson("/api/shares/{id}/statements/{n}/verification",
                        "{\"verification\": \"CORROBORATED\", \"verifiedBy\": \"Social worker, home visit (synthetic)\"}",
                        shareId, 0).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.laterVerifications[0].agency").value("csc-a"))
                .andExpect(jsonPath("$.statementsAsCorrected[0].verification").value("CORROBORATED"))
                .andExpect(jsonPath("$.statementsAsCorrected[0].verifiedBy").value("Social worker, home visit (synthetic)"))
                .andExpect(jsonPath("$.statements[0].verification").value("VERIFIED"));
        mvc.perform(postJson("/api/shares/{id}/statements/{n}/verification",
                        "{\"verification\": \"UNVERIFIED\", \"verifiedBy\": \"x\"}", shareId, 0).with(as("csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("verification"));
        mvc.perform(postJson("/api/shares/{id}/statements/{n}/verification",
                        "{\"verification\": \"VERIFIED\", \"verifiedBy\": \"x\"}", shareId, 0).with(as("police-a")))
                .andExpect(status().isNotFound());

        try (TopicReader<SpecificRecord> reader = TopicReader.<SpecificRecord>avro(Topics.REFERRALS).opening(sealed)) {
            List<ConsumerRecord<String, SpecificRecord>> facts = reader.await(r ->
                    (r.value() instanceof ShareCorrected c && c.getShareId().equals(shareId))
                            || (r.value() instanceof CorrectionAcknowledged a && a.getShareId().equals(shareId))
                            || (r.value() instanceof StatementVerified v && v.getShareId().equals(shareId)), 3,
                    Duration.ofSeconds(60));
            assertThat(facts).extracting(r -> r.value().getClass().getSimpleName())
                    .containsExactly("ShareCorrected", "CorrectionAcknowledged", "StatementVerified");
            assertThat(((ShareCorrected) facts.get(0).value()).getCorrected().getText())
                    .isEqualTo("Absent 5 of the last 10 school days");
        }
    }

    @Test
    void aWithdrawnShareStaysOnTheRecord_markedWithdrawn_andTakesNoMoreQuestions() throws Exception {
        String shareId = share("9990001650");
        mvc.perform(postJson("/api/shares/{id}/withdrawal", "{\"reason\": \"Shared about the wrong child (LAC)\"}",
                        shareId).with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.withdrawnAt").exists())
                .andExpect(jsonPath("$.withdrawalReason").value("Shared about the wrong child (LAC)"))
                .andExpect(jsonPath("$.corrections[0].kind").value("WITHDRAWN"))
                .andExpect(jsonPath("$.corrections[0].plainLanguageWarnings[0].field").value("reason"))
                .andExpect(jsonPath("$.corrections[0].plainLanguageWarnings[0].term").value("LAC"))
                .andExpect(jsonPath("$.recipients[0].status").value("CORRECTION_PENDING"))
                .andExpect(jsonPath("$.purpose").exists());
        mvc.perform(postJson("/api/shares/{id}/clarifications", "{\"question\": \"Which child?\"}", shareId)
                        .with(as("csc-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:share-withdrawn"));
        mvc.perform(postJson("/api/shares/{id}/withdrawal", "{}", shareId).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reason"));
        mvc.perform(post("/api/shares/{id}/corrections/1/acknowledgement", shareId).with(as("gp-a")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/shares/{id}", shareId).with(as("gp-a")))
                .andExpect(jsonPath("$.recipients[1].status").value("NEW"))
                .andExpect(jsonPath("$.statements[0].text").value("Absent 6 of the last 10 school days"));

        try (TopicReader<SpecificRecord> reader = TopicReader.<SpecificRecord>avro(Topics.REFERRALS).opening(sealed)) {
            assertThat(reader.await(r -> r.value() instanceof ShareWithdrawn w && w.getShareId().equals(shareId), 1,
                    Duration.ofSeconds(60))).singleElement()
                    .satisfies(r -> {
                        assertThat(((ShareWithdrawn) r.value()).getReason())
                                .isEqualTo("Shared about the wrong child (LAC)");
                        assertThat(((ShareWithdrawn) r.value()).getPlainLanguageWarnings())
                                .extracting(w -> w.getTerm()).containsExactly("LAC");
                    });
        }
    }
}
