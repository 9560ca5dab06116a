package org.safeguarding.backbone.referrals.decision;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.DecidedNotToShare;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.decision.api.DecisionCommands.RecordDecisionNotToShare;
import org.safeguarding.backbone.referrals.decision.api.DecisionEvents;
import org.safeguarding.backbone.referrals.decision.command.SharingDecision;
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

/** R2: a decision not to share, prompted by no request, is recorded with who decided and why. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class SharingDecisionTest {

    private static final Instant AT = Instant.parse("2026-11-20T10:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    @Test
    void theRuleWantsReasonsAndWhoDecided() {
        AggregateTestFixture<SharingDecision> fixture = new AggregateTestFixture<>(SharingDecision.class);
        fixture.registerInjectableResource(ShareFixtures.plainLanguage());
        fixture.givenNoPriorActivity()
                .when(new RecordDecisionNotToShare("d-1", "9990000131", "health-visiting-a", "HV One (synthetic)",
                        List.of("csc-a"), "Threshold not met; early help offered", AT))
                .expectEvents(new DecisionEvents.DecidedNotToShare("d-1", "9990000131", "health-visiting-a",
                        "HV One (synthetic)", List.of("csc-a"), "Threshold not met; early help offered", AT,
                        List.of()));
        fixture.givenNoPriorActivity()
                .when(new RecordDecisionNotToShare("d-1", "9990000131", "health-visiting-a", "HV One (synthetic)",
                        List.of("csc-a"), "Below the CIN threshold", AT))
                .expectEvents(new DecisionEvents.DecidedNotToShare("d-1", "9990000131", "health-visiting-a",
                        "HV One (synthetic)", List.of("csc-a"), "Below the CIN threshold", AT,
                        List.of(new PlainLanguageWarning("reasons", "CIN", "child in need"))));
        fixture.givenNoPriorActivity()
                .when(new RecordDecisionNotToShare("d-1", "9990000131", "health-visiting-a", "HV One", List.of(),
                        " ", AT))
                .expectException(Invalid.class)
                .expectNoEvents();
    }

    @Test
    void aDecisionIsRecordedForTheDecidingAgencyOnly_andPublished() throws Exception {
        String body = mvc.perform(post("/api/decisions/not-to-share").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"child": {"nhsNumber": "9990000131"}, "decidedBy": "HV One (synthetic)",
                                 "consideredAgencies": ["csc-a"], "reasons": "Threshold not met; TAF offered"}""")
                        .with(as("health-visiting-a")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.decidedBy").value("HV One (synthetic)"))
                .andExpect(jsonPath("$.plainLanguageWarnings[0].term").value("TAF"))
                .andReturn().getResponse().getContentAsString();
        String decisionId = json.readTree(body).get("decisionId").asString();

        mvc.perform(get("/api/decisions/{id}", decisionId).with(as("health-visiting-a")))
                .andExpect(jsonPath("$.reasons").value("Threshold not met; TAF offered"))
                .andExpect(jsonPath("$.plainLanguageWarnings[0].suggestion").value("team around the family"))
                .andExpect(jsonPath("$.consideredAgencies[0]").value("csc-a"));
        mvc.perform(get("/api/decisions/{id}", decisionId).with(as("csc-a"))).andExpect(status().isNotFound());
        mvc.perform(post("/api/decisions/not-to-share").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"child\": {\"nhsNumber\": \"9990000131\"}, \"decidedBy\": \"HV\"}")
                        .with(as("health-visiting-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasons"));
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            assertThat(reader.await(r -> r.value() instanceof DecidedNotToShare d
                    && d.getDecisionId().equals(decisionId), 1, Duration.ofSeconds(60))).singleElement()
                    .satisfies(r -> assertThat(((DecidedNotToShare) r.value()).getPlainLanguageWarnings())
                            .extracting(w -> w.getTerm()).containsExactly("TAF"));
        }
    }
}
