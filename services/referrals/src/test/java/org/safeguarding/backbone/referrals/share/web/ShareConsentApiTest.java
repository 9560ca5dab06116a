package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.postJson;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.FamilyInformed;
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

/** Issue 13 part 2 over HTTP (R3): when and how the family was told, and consent withdrawn, each on Kafka. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class ShareConsentApiTest {

    private static final String CHILD = "9990001669";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private String share(String consent) throws Exception {
        return json.readTree(mvc.perform(postJson("/api/shares", VALID.replace(ShareApiTest.CHILD, CHILD)
                        .replace("\"consent\": " + ShareApiTest.CONSENT_GIVEN, "\"consent\": " + consent))
                        .with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();
    }

    @Test
    void theSenderRecordsWhenAndHowTheFamilyWasTold() throws Exception {
        String shareId = share("""
                {"status": "GIVEN", "reason": "Parent agreed", "familyInformed": false,
                 "familyNotInformedReason": "The father may react against the child", "reviewFamilyInformedBy": "2026-12-04"}""");
        Instant yesterday = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a")))
                .andExpect(jsonPath("$.family.informedAt").doesNotExist())
                .andExpect(jsonPath("$.family.reviewDue").value(false));
        mvc.perform(postJson("/api/shares/{id}/family-informed", "{\"informedAt\": \"" + yesterday + "\", "
                        + "\"how\": \"The head and the EWO told both parents in person\"}", shareId)
                        .with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.family.informedAt").value(yesterday.toString()))
                .andExpect(jsonPath("$.family.how").value("The head and the EWO told both parents in person"))
                .andExpect(jsonPath("$.family.plainLanguageWarnings[0].field").value("how"))
                .andExpect(jsonPath("$.family.plainLanguageWarnings[0].term").value("EWO"));
        mvc.perform(postJson("/api/shares/{id}/family-informed", "{}", shareId).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("how"));
        mvc.perform(postJson("/api/shares/{id}/family-informed", "{\"informedAt\": \"2099-01-01T00:00:00Z\", "
                        + "\"how\": \"x\"}", shareId).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("informedAt"));
        mvc.perform(postJson("/api/shares/{id}/family-informed", "{\"how\": \"x\"}", shareId).with(as("csc-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-the-sender"));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<ConsumerRecord<String, SpecificRecord>> told = reader.await(r -> r.value() instanceof FamilyInformed f
                    && f.getShareId().equals(shareId), 1, Duration.ofSeconds(60));
            assertThat(((FamilyInformed) told.get(0).value()).getInformedAt()).isEqualTo(yesterday);
            assertThat(((FamilyInformed) told.get(0).value()).getPlainLanguageWarnings())
                    .extracting(w -> w.getTerm()).containsExactly("EWO");
        }
    }

    @Test
    void consentWithdrawnIsOnTheShareForEveryHolder_andOnKafka_onlyForConsentThatWasGiven() throws Exception {
        String shareId = share(ShareApiTest.CONSENT_GIVEN);
        mvc.perform(postJson("/api/shares/{id}/consent-withdrawal",
                        "{\"reason\": \"The mother phoned the DSL to withdraw her consent\"}", shareId)
                        .with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consentWithdrawn.plainLanguageWarnings[0].term").value("DSL"))
                .andExpect(jsonPath("$.consentWithdrawn.withdrawnAt").exists())
                .andExpect(jsonPath("$.consentWithdrawn.reason").value("The mother phoned the DSL to withdraw her "
                        + "consent"))
                .andExpect(jsonPath("$.consentWithdrawn.safeguardingJustification").doesNotExist());
        mvc.perform(get("/api/shares/{id}", shareId).with(as("gp-a")))
                .andExpect(jsonPath("$.consentWithdrawn.reason").value("The mother phoned the DSL to withdraw her "
                        + "consent"))
                .andExpect(jsonPath("$.consentWithdrawn.plainLanguageWarnings[0].suggestion")
                        .value("designated safeguarding lead"));

        String notSought = share("""
                {"status": "NOT_SOUGHT", "reason": "Would alert the adult", "safeguardingJustification": "Risk of harm",
                 "familyInformed": true}""");
        mvc.perform(postJson("/api/shares/{id}/consent-withdrawal", "{\"reason\": \"Withdrawn\"}", notSought)
                        .with(as("school-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:consent-not-given"));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<ConsumerRecord<String, SpecificRecord>> withdrawn = reader.await(r ->
                    r.value() instanceof ConsentWithdrawn w && w.getShareId().equals(shareId), 1, Duration.ofSeconds(60));
            assertThat(((ConsentWithdrawn) withdrawn.get(0).value()).getRecipientAgencies())
                    .containsExactly("csc-a", "gp-a");
            assertThat(((ConsentWithdrawn) withdrawn.get(0).value()).getPlainLanguageWarnings())
                    .extracting(w -> w.getTerm()).containsExactly("DSL");
        }
    }
}
