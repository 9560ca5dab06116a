package org.safeguarding.backbone.chronology.webhook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The chronology service as deployed (internal addresses refused; the local profile's credentials only to call it):
 * a webhook on an address inside a network is refused at registration, and not called when its name has come to
 * resolve there since.
 */
@SpringBootTest(properties = {"backbone.webhooks.poll-every=100ms", "backbone.webhooks.first-retry-after=200ms",
    "backbone.webhooks.max-retry-after=800ms", "backbone.webhooks.allow-internal-addresses=false"})
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@Import(WebhookDestinationsApiTest.TestDns.class)
// its Kafka listeners must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookDestinationsApiTest {

    private static final String SECRET = "dev-only-webhook-secret-of-the-test";
    private static final String RECEIVER = "receiver.agency.test";
    /** What the test's names resolve to; a name not here is one of this machine's literal addresses. */
    static final Map<String, String> DNS = new ConcurrentHashMap<>();

    @TestConfiguration
    static class TestDns {
        @Bean
        @Primary
        WebhookDestinations testDestinations(WebhookSettings settings) {
            return new WebhookDestinations(settings, WebhookDestinationsTest.resolvingBy(DNS));
        }
    }

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;

    @Test
    void aWebhookOnThisMachine_orAPrivateNetwork_isRefused_namingTheAddressAndTheSetting() throws Exception {
        for (String url : List.of("http://127.0.0.1:8099/hook", "https://169.254.169.254/latest/meta-data",
                "https://10.1.2.3/hook")) {
            mvc.perform(put("/api/webhook").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\": \"" + url + "\", \"secret\": \"" + SECRET + "\"}")
                            .with(httpBasic("gp-a", "dev-only-gp-a")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:webhook-url-not-accepted"))
                    .andExpect(jsonPath("$.errors[0].field").value("url"))
                    .andExpect(jsonPath("$.detail").value(containsString("an address inside a network")))
                    .andExpect(jsonPath("$.detail").value(containsString("backbone.webhooks.allowed-networks")));
        }
        mvc.perform(get("/api/webhook").with(httpBasic("gp-a", "dev-only-gp-a"))).andExpect(status().isNotFound());
    }

    @Test
    void aNameThatHasComeToResolveInsideANetwork_isNotCalled_theAttemptFailsSayingWhy() throws Exception {
        DNS.put(RECEIVER, "203.0.113.10");
        try {
            mvc.perform(put("/api/webhook").contentType(MediaType.APPLICATION_JSON)
                            .content("{\"url\": \"http://" + RECEIVER + "/hook\", \"secret\": \"" + SECRET + "\"}")
                            .with(httpBasic("csc-a", "dev-only-csc-a")))
                    .andExpect(status().isOk());
            DNS.put(RECEIVER, "127.0.0.1");

            String child = "9990001960";
            Instant at = Instant.parse("2026-11-20T09:00:00Z");
            Envelope envelope = Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                    .setOccurredAt(at).setRecordedAt(at.plusSeconds(1)).setActingAgency("school-a")
                    .setCorrelationId("conversation-destinations").build();
            kafka.send(Topics.REFERRALS, child, InformationShared.newBuilder().setEnvelope(envelope)
                    .setShareId("share-destinations-1").setSenderAgency("school-a").setRecipientAgencies(List.of(
                            "csc-a")).setPurpose("Concern about a disclosure in class")
                    .setStatements(List.of(Statement.newBuilder().setText("The child said ...").build())).build())
                    .get();

            JsonMapper json = JsonMapper.builder().build();
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                JsonNode log = json.readTree(mvc.perform(get("/api/webhook/deliveries")
                        .with(httpBasic("csc-a", "dev-only-csc-a"))).andReturn().getResponse().getContentAsString());
                return log.size() == 1 && !log.get(0).get("attempts").isEmpty();
            });
            JsonNode attempt = json.readTree(mvc.perform(get("/api/webhook/deliveries")
                            .with(httpBasic("csc-a", "dev-only-csc-a"))).andReturn().getResponse()
                    .getContentAsString()).get(0).get("attempts").get(0);
            assertThat(attempt.get("succeeded").asBoolean()).isFalse();
            assertThat(attempt.get("httpStatus").isNull()).as("never sent").isTrue();
            assertThat(attempt.get("error").asText()).startsWith("not sent: its host " + RECEIVER + " is 127.0.0.1, "
                    + "an address inside a network");
        } finally {
            mvc.perform(delete("/api/webhook").with(httpBasic("csc-a", "dev-only-csc-a")));
            DNS.remove(RECEIVER);
        }
    }
}
