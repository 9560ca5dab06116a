package org.safeguarding.backbone.chronology.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.endsWith;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.webhook.process.WebhookSignature;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Acts pushed to agencies' webhooks, against a real HTTP receiver on 127.0.0.1 that fails on purpose: signed, tried
 * again with growing waits, in order per child, each attempt in the agency's delivery log, and suspended after
 * repeated failure, nothing lost. Waits here are milliseconds (seconds to an hour in service).
 */
@SpringBootTest(properties = {"backbone.webhooks.poll-every=100ms", "backbone.webhooks.first-retry-after=200ms",
    "backbone.webhooks.max-retry-after=800ms", "backbone.webhooks.suspend-after-failures=5"})
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: other contexts in this JVM join the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class WebhookDeliveryTest {

    private static final String SECRET = "dev-only-webhook-secret-of-the-test";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired ChildKeys keys;

    static Envelope envelope(String child, String agency, Instant at) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child).setOccurredAt(at)
                .setRecordedAt(at.plusSeconds(1)).setActingAgency(agency).setCorrelationId("conversation-hook")
                .build();
    }

    static InformationShared share(String child, String shareId, String sender, String recipient, Instant at) {
        return InformationShared.newBuilder().setEnvelope(envelope(child, sender, at)).setShareId(shareId)
                .setSenderAgency(sender).setRecipientAgencies(List.of(recipient))
                .setPurpose("Concern about a disclosure in class")
                .setStatements(List.of(Statement.newBuilder().setText("The child said ...").build())).build();
    }

    private void register(String agency, String url) throws Exception {
        mvc.perform(put("/api/webhook").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"url\": \"" + url + "\", \"secret\": \"" + SECRET + "\"}")
                        .with(httpBasic(agency, "dev-only-" + agency)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ACTIVE"))
                .andExpect(jsonPath("$.secret").doesNotExist());
    }

    private JsonNode log(String agency) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/webhook/deliveries").with(httpBasic(agency, "dev-only-" + agency)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    @Test
    void anActIsPushedSigned_triedAgainUntilTheReceiverRecovers_andTheNextAboutTheChildWaitsItsTurn() throws Exception {
        String child = "9990001529";
        try (WebhookReceiver receiver = new WebhookReceiver(3)) {
            register("csc-a", receiver.url());
            Instant at = Instant.parse("2026-11-20T09:00:00Z");
            InformationShared shared = share(child, "share-hook-1", "school-a", "csc-a", at);
            ShareAcknowledged acknowledged = ShareAcknowledged.newBuilder()
                    .setEnvelope(envelope(child, "csc-a", at.plusSeconds(60))).setShareId("share-hook-1")
                    .setRecipientAgency("csc-a").build();
            kafka.send(Topics.REFERRALS, child, shared).get();
            kafka.send(Topics.REFERRALS, child, acknowledged).get();
            // sent again (a redelivery): pushed once all the same
            kafka.send(Topics.REFERRALS, child, shared).get();

            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().stream()
                    .filter(r -> r.answered() == 204).count() == 2);
            List<WebhookReceiver.Received> received = receiver.received();
            assertThat(received).extracting(WebhookReceiver.Received::answered).containsExactly(503, 503, 503, 204, 204);
            String shareEventId = shared.getEnvelope().getEventId();
            assertThat(received).extracting(WebhookReceiver.Received::id).as("at least once, with a stable id; "
                    + "the acknowledgement only after the share").containsExactly(shareEventId, shareEventId,
                    shareEventId, shareEventId, acknowledged.getEnvelope().getEventId());
            for (WebhookReceiver.Received one : received) {
                assertThat(one.contentType()).isEqualTo("application/json");
                assertThat(one.signature()).as("HMAC-SHA256 of id.timestamp.body, with the agency's secret")
                        .isEqualTo(WebhookSignature.of(SECRET, one.id(), Long.parseLong(one.timestamp()), one.body()));
                assertThat(Math.abs(Instant.now().getEpochSecond() - Long.parseLong(one.timestamp())))
                        .as("a fresh timestamp on each attempt, against replay").isLessThan(120);
            }
            assertThat(WebhookSignature.of("another secret entirely, not the agency's", received.get(3).id(),
                    Long.parseLong(received.get(3).timestamp()), received.get(3).body()))
                    .isNotEqualTo(received.get(3).signature());
            JsonNode body = JSON.readTree(received.get(3).body());
            assertThat(body.get("eventId").asText()).isEqualTo(shareEventId);
            assertThat(body.get("eventType").asText()).isEqualTo("InformationShared");
            assertThat(body.get("childId").asText()).isEqualTo(child);
            assertThat(body.get("event").get("purpose").asText()).isEqualTo("Concern about a disclosure in class");
            assertThat(body.get("event").get("recipientAgencies").get(0).asText()).isEqualTo("csc-a");
            assertThat(body.get("event").get("envelope").get("occurredAt").asText())
                    .isEqualTo("2026-11-20T09:00:00Z");
        }

        JsonNode log = log("csc-a");
        JsonNode shareDelivery = log.get(1);
        assertThat(log.get(0).get("eventType").asText()).isEqualTo("ShareAcknowledged");
        assertThat(shareDelivery.get("status").asText()).isEqualTo("DELIVERED");
        assertThat(shareDelivery.get("attempts")).hasSize(4);
        assertThat(shareDelivery.get("attempts").get(0).get("httpStatus").asInt()).isEqualTo(503);
        assertThat(shareDelivery.get("attempts").get(0).get("error").asText()).isEqualTo("HTTP 503");
        assertThat(shareDelivery.get("attempts").get(3).get("succeeded").asBoolean()).isTrue();
        Instant first = Instant.parse(shareDelivery.get("attempts").get(0).get("at").asText());
        Instant second = Instant.parse(shareDelivery.get("attempts").get(1).get("at").asText());
        Instant third = Instant.parse(shareDelivery.get("attempts").get(2).get("at").asText());
        assertThat(Duration.between(first, second)).as("waits 200 ms, then 400").isGreaterThanOrEqualTo(Duration.ofMillis(200));
        assertThat(Duration.between(second, third)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        // another agency's log does not show csc-a's deliveries
        assertThat(log("school-b")).isEmpty();
    }

    @Test
    void anEndpointThatKeepsFailing_isSuspendedWithTheReason_nothingIsLost_andResumedItDeliversInOrder()
            throws Exception {
        String child = "9990001537";
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            receiver.failAlways();
            register("gp-a", receiver.url());
            Instant at = Instant.parse("2026-11-21T09:00:00Z");
            InformationShared first = share(child, "share-hook-2", "school-a", "gp-a", at);
            InformationShared second = share(child, "share-hook-3", "school-a", "gp-a", at.plusSeconds(60));
            kafka.send(Topics.REFERRALS, child, first).get();
            kafka.send(Topics.REFERRALS, child, second).get();

            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    mvc.perform(get("/api/webhook").with(httpBasic("gp-a", "dev-only-gp-a")))
                            .andExpect(jsonPath("$.status").value("SUSPENDED")));
            mvc.perform(get("/api/webhook").with(httpBasic("gp-a", "dev-only-gp-a")))
                    .andExpect(jsonPath("$.suspensionReason").value(org.hamcrest.Matchers.startsWith(
                            "5 delivery attempts in a row failed (the last: HTTP 503)")));
            int triedWhileFailing = receiver.received().size();
            assertThat(triedWhileFailing).isEqualTo(5);
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::id).as("only the first, in order")
                    .containsOnly(first.getEnvelope().getEventId());
            // suspended: not tried again, for longer than the waits between attempts here
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == triedWhileFailing);
            assertThat(log("gp-a")).extracting(d -> d.get("status").asText()).containsExactly("PENDING", "PENDING");

            receiver.recover();
            mvc.perform(post("/api/webhook/resumption").with(httpBasic("gp-a", "dev-only-gp-a")))
                    .andExpect(status().isOk())
                    .andExpect(jsonPath("$.status").value("ACTIVE"));
            await().atMost(Duration.ofSeconds(60)).until(() -> receiver.received().size() == triedWhileFailing + 2);
            assertThat(receiver.received().subList(triedWhileFailing, triedWhileFailing + 2))
                    .extracting(WebhookReceiver.Received::id)
                    .containsExactly(first.getEnvelope().getEventId(), second.getEnvelope().getEventId());
        }
        mvc.perform(post("/api/webhook/resumption").with(httpBasic("gp-a", "dev-only-gp-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(endsWith("webhook-not-suspended")));
        mvc.perform(delete("/api/webhook").with(httpBasic("gp-a", "dev-only-gp-a")))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/webhook").with(httpBasic("gp-a", "dev-only-gp-a")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value(endsWith("no-webhook")));
    }

    /**
     * R18: an act waiting in an agency's queue is kept sealed under the child's key, and once the child's records
     * are erased it is not sent (there is nothing left of it to send): it is marked erased in the delivery log.
     */
    @Test
    void anActStillQueuedWhenItsChildIsErased_isKeptOnlySealed_andNotSent() throws Exception {
        String child = "9990001839";
        try (WebhookReceiver receiver = new WebhookReceiver(0)) {
            receiver.failAlways();
            register("police-a", receiver.url());
            kafka.send(Topics.REFERRALS, child, share(child, "share-hook-erased", "school-a", "police-a",
                    Instant.parse("2026-11-22T09:00:00Z"))).get();
            await().atMost(Duration.ofSeconds(60)).until(() -> !receiver.received().isEmpty());
            String queued = jdbc.queryForObject("select body from webhook_delivery where agency = 'police-a'",
                    String.class);
            assertThat(queued).startsWith(SealedColumn.PREFIX).doesNotContain("disclosure", child);

            keys.erase(child, "retention ended", Instant.now());
            // marked erased at its next attempt, the receiver still failing: an attempt already under way when the
            // erasure came (its act opened just before) may still reach the receiver, and is refused there
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(log("police-a"))
                    .extracting(d -> d.get("status").asText()).containsExactly("ERASED"));
            receiver.recover();

            int tried = receiver.received().size();
            await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(5))
                    .until(() -> receiver.received().size() == tried);
            assertThat(receiver.received()).extracting(WebhookReceiver.Received::answered).as("never taken")
                    .containsOnly(503);
        } finally {
            // whatever happened above, the other tests find police-a without a webhook
            mvc.perform(delete("/api/webhook").with(httpBasic("police-a", "dev-only-police-a")));
        }
        mvc.perform(get("/api/webhook").with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isNotFound());
    }

    /** The receiver the README runs, as an agency developer would copy it: it checks what it is sent, and takes it. */
    @Test
    void theExampleReceiverInTheDocs_verifiesAndTakesADelivery() throws Exception {
        String child = "9990001545";
        int port = org.safeguarding.backbone.localinfra.FreePorts.next();
        Path output = Files.createTempFile("webhook-receiver", ".log");
        Process receiver = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Path.of("../../docs/examples/WebhookReceiver.java").toString(), Integer.toString(port), SECRET)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(output).contains("Listening"));
            register("school-b", "http://127.0.0.1:" + port + "/hook");
            InformationShared shared = share(child, "share-hook-4", "school-a", "school-b",
                    Instant.parse("2026-11-22T09:00:00Z"));
            kafka.send(Topics.REFERRALS, child, shared).get();

            await().atMost(Duration.ofSeconds(60)).until(() -> Files.readString(output)
                    .contains("received " + shared.getEnvelope().getEventId()));
            assertThat(Files.readString(output)).doesNotContain("refused");
            // recorded once the receiver's answer is in
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(log("school-b").get(0).get("status").asText()).isEqualTo("DELIVERED"));
        } finally {
            receiver.destroy();
            receiver.waitFor();
            Files.deleteIfExists(output);
        }
    }

    @Test
    void aWebhookThatCouldNotWorkIsRefused_specifically_andNothingIsRegistered() throws Exception {
        for (String[] bad : new String[][] {
            {"{\"url\": \"ftp://127.0.0.1/hook\", \"secret\": \"" + SECRET + "\"}", "url"},
            {"{\"url\": \"/hook\", \"secret\": \"" + SECRET + "\"}", "url"},
            {"{\"url\": \"http://127.0.0.1/hook\", \"secret\": \"short\"}", "secret"},
            {"{\"url\": \"http://127.0.0.1/hook\"}", "secret"}}) {
            mvc.perform(put("/api/webhook").contentType(MediaType.APPLICATION_JSON).content(bad[0])
                            .with(httpBasic("police-a", "dev-only-police-a")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.errors[0].field").value(bad[1]));
        }
        mvc.perform(get("/api/webhook").with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isNotFound());
        mvc.perform(get("/api/webhook/deliveries?status=LOST").with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isBadRequest());
        mvc.perform(get("/api/webhook/deliveries?limit=0").with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isBadRequest());
    }
}
