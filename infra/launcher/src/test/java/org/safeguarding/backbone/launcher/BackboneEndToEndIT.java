package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;

/**
 * The whole backbone as ./run starts it (four service JVMs, the broker, the registry), driven over HTTP as an agency
 * would: a share flows through every service into the child's chronology exactly once, even when it is published
 * twice, and everything is still there, once, after a restart. Every service connects to Kafka as itself, under the
 * broker's ACLs, and an agency system reads its own feed as itself.
 */
class BackboneEndToEndIT {

    private static final String CHILD = "9990000050";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the test's acts say about the child: on the services' topics, only sealed. */
    private static final List<String> SAID_ON_THE_TOPICS = List.of("Parent One (synthetic)",
            "Absent on 6 of the last 10 school days", "Seems withdrawn and tired on Mondays", "S-0001",
            "I don't like going home on Fridays", "Has the child said who hurt them?", "only that it happened at home",
            "Understood: strategy discussion today", "Strategy discussion held", "Assessment started",
            "We were not told whether the child was seen alone", "The child was seen alone at school on Tuesday",
            "Satisfied: the child was seen alone", "Family moved house");

    /** What the test does, as the chronology should list it: each act once. */
    private static final String[] EVERY_ACT = {"InformationShared", "ShareAcknowledged", "ClarificationRequested",
        "ClarificationAnswered", "ShareRead", "UnderstandingConfirmed", "FeedbackRequested", "FeedbackGiven",
        "FeedbackChallenged", "FeedbackChallengeAnswered", "FeedbackChallengeResolved", "ChildTransferred",
        "TransferPackageSent", "ShareForwarded"};

    @Test
    void aShareFlowsThroughAllFourServicesIntoTheChronologyOnce_andSurvivesARestart_andAServiceKilled(@TempDir Path data)
            throws Exception {
        LocalBackbone.Settings settings = TestBackbones.onFreePorts(data);
        String shareId;
        try (LocalBackbone backbone = LocalBackbone.start(settings)) {
            // the example the README uses, about this test's own child
            String example = Files.readString(settings.repoRoot().resolve("docs/examples/share.json"))
                    .replace("9990000018", CHILD);
            JsonNode share = call(backbone, "referrals", "POST", "/api/shares", "school-a", example, 201);
            shareId = share.get("shareId").asText();
            call(backbone, "referrals", "POST", "/api/shares/" + shareId + "/acknowledgements", "csc-a", null, 200);
            call(backbone, "referrals", "POST", "/api/shares/" + shareId + "/clarifications", "csc-a",
                    "{\"question\": \"Has the child said who hurt them?\", \"questionId\": \"q-1\"}", 201);
            call(backbone, "referrals", "POST", "/api/shares/" + shareId + "/clarifications/q-1/answer", "school-a",
                    "{\"answer\": \"No; only that it happened at home\"}", 200);
            call(backbone, "referrals", "POST", "/api/shares/" + shareId + "/understanding", "csc-a",
                    "{\"note\": \"Understood: strategy discussion today\"}", 200);

            JsonNode owed = await().atMost(Duration.ofSeconds(90)).until(
                    () -> call(backbone, "feedback", "GET", "/api/feedback", "csc-a", null, 200), list -> list.size() == 1);
            String feedbackId = owed.get(0).get("feedbackId").asText();
            assertThat(owed.get(0).get("owedTo").asText()).isEqualTo("school-a");
            call(backbone, "feedback", "POST", "/api/feedback/" + feedbackId, "csc-a",
                    "{\"actionTaken\": \"Strategy discussion held\", \"outcome\": \"Assessment started\"}", 200);
            // the school finds the feedback thin and challenges it; children's social care answers; the school is
            // satisfied
            call(backbone, "feedback", "POST", "/api/feedback/" + feedbackId + "/challenges", "school-a",
                    "{\"reasons\": \"We were not told whether the child was seen alone\"}", 200);
            call(backbone, "feedback", "POST", "/api/feedback/" + feedbackId + "/challenges/1/answers", "csc-a",
                    "{\"answer\": \"The child was seen alone at school on Tuesday\"}", 200);
            assertThat(call(backbone, "feedback", "POST", "/api/feedback/" + feedbackId + "/challenges/1/resolution",
                    "school-a", "{\"resolution\": \"Satisfied: the child was seen alone\"}", 200)
                    .get("challenges").get(0).get("status").asText()).isEqualTo("RESOLVED");
            // the transitions service learns over Kafka that school-a works with the child; until it has, it refuses
            // (403, nothing recorded) to let school-a record the child moving away
            AtomicReference<String> transferId = new AtomicReference<>();
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> transferId.set(
                    call(backbone, "transitions", "POST", "/api/transfers", "school-a", """
                            {"child": {"nhsNumber": "%s"}, "fromAgency": "school-a", "toAgency": "school-b",
                             "reason": "Family moved house", "movedOn": "2026-11-23"}""".formatted(CHILD), 201)
                            .get("transferId").asText()));

            republishEverythingAbout(backbone, CHILD);

            await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> {
                List<String> types = eventTypes(backbone);
                assertThat(types).containsExactlyInAnyOrder(EVERY_ACT);
                assertThat(types.get(0)).isEqualTo("InformationShared");
                // the move and its package happened at the same moment; the share went on with it just after
                assertThat(types.subList(types.size() - 3, types.size()))
                        .containsExactlyInAnyOrder("ChildTransferred", "TransferPackageSent", "ShareForwarded");
            });
            // R18: the chronology read what the referrals and feedback services sealed on their topics, through the
            // one key store the launcher serves
            String summaries = call(backbone, "chronology", "GET", "/api/children/" + CHILD + "/chronology",
                    "school-a", null, 200).get("entries").findValuesAsText("summary").toString();
            assertThat(summaries).contains("Has the child said who hurt them?", "Outcome: Assessment started",
                    "The child was seen alone at school on Tuesday");
            // the duplicates were delivered after the originals; give them time to do any harm
            await().pollDelay(Duration.ofSeconds(5)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(eventTypes(backbone)).hasSize(EVERY_ACT.length));
            assertThat(call(backbone, "feedback", "GET", "/api/feedback", "csc-a", null, 200)).hasSize(1);

            call(backbone, "referrals", "GET", "/api/shares/" + shareId, "police-a", null, 404);
            // as an agency system calls: with a token from the issuer, not a password
            String token = token(backbone, "csc-a");
            HttpResponse<String> withToken = HTTP.send(HttpRequest.newBuilder(URI.create(
                    backbone.serviceUrl("referrals") + "/api/shares/" + shareId))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(withToken.statusCode()).as(withToken.body()).isEqualTo(200);
            call(backbone, "chronology", "GET", "/api/children/" + CHILD + "/chronology", "police-a", null, 403);
            // the school the child joined reads the move, its package and the share passed on to it, and who else
            // is involved, not the acts on the share before it held it
            JsonNode joined = call(backbone, "chronology", "GET", "/api/children/" + CHILD + "/chronology",
                    "school-b", null, 200);
            assertThat(joined.get("entries").findValuesAsText("eventType"))
                    .containsExactlyInAnyOrder("ChildTransferred", "TransferPackageSent", "ShareForwarded");
            assertThat(joined.get("involvement").findValuesAsText("agency"))
                    .containsExactlyInAnyOrder("school-a", "csc-a", "school-b");
            assertThat(call(backbone, "chronology", "GET", "/api/children/" + CHILD + "/chronology", "csc-a", null,
                    200).get("readAs").asText()).as("children's social care of the child's area leads")
                    .isEqualTo("LEAD_AGENCY");
            // the chronology tells the services who leads (over Kafka, as itself); then the lead agency reads the
            // move between two schools it was not party to on the transitions service too
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> call(backbone, "transitions", "GET",
                    "/api/transfers/" + transferId.get(), "csc-a", null, 200));
            call(backbone, "transitions", "GET", "/api/transfers/" + transferId.get(), "police-a", null, 404);
            // an agency system reads the acts about its share on its own feed, as itself; the services' topics and
            // other agencies' feeds it cannot read at all
            assertThat(feedOf(backbone, "school-a", CHILD)).containsAll(List.of(EVERY_ACT));
            assertThatThrownBy(() -> read(backbone, "school-a", Topics.REFERRALS))
                    .isInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> read(backbone, "school-a", Topics.feedOf("csc-a")))
                    .isInstanceOf(TopicAuthorizationException.class);
            // police-a's refused attempt at the share is on the child's access log, which the lead agency reads
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(call(backbone, "chronology", "GET",
                    "/api/children/" + CHILD + "/access-log", "csc-a", null, 200).get("reads").toString())
                    .contains("\"agency\":\"police-a\",\"practitioner\":null,\"resource\":\"referrals:share:" + shareId
                            + "\",").contains("\"granted\":false"));
            reviewersSignInToTheTimelinePage(backbone, data.resolve("browser"));
            // ADR 0018: the first start of a build prepares the class data the services share from the next start
            assertThat(backbone.classDataArchive().awaitReady(300)).as("the services' shared class data").isTrue();
        }

        try (LocalBackbone restarted = LocalBackbone.start(settings)) {
            assertThat(StatusCommand.run(data, System.out)).as("./run status").isEqualTo(StatusCommand.ALL_UP);
            mapTheSharedClassData(restarted);
            // issue 12: a service killed is started again by the launcher, and nothing it had is lost
            long killed = restarted.pid("referrals");
            ProcessHandle.of(killed).orElseThrow().destroyForcibly();
            await().atMost(Duration.ofSeconds(180)).untilAsserted(() -> assertThat(restarted.status())
                    .filteredOn(s -> s.name().equals("referrals")).singleElement().satisfies(s -> {
                        assertThat(s.state()).isEqualTo(Supervisor.State.RUNNING);
                        assertThat(s.restarts()).isEqualTo(1);
                        assertThat(s.pid()).isNotEqualTo(killed);
                    }));
            assertThat(StatusCommand.run(data, System.out)).as("./run status").isEqualTo(StatusCommand.ALL_UP);
            mapTheSharedClassData(restarted);
            assertThat(call(restarted, "referrals", "GET", "/api/shares/" + shareId, "csc-a", null, 200)
                    .get("recipients").get(0).get("acknowledged").asBoolean()).isTrue();
            assertThat(call(restarted, "feedback", "GET", "/api/feedback", "school-a", null, 200).get(0)
                    .get("given").asBoolean()).isTrue();
            await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(eventTypes(restarted)).containsExactlyInAnyOrder(EVERY_ACT));
            // issue 12: every event the four services stored, across a restart and a kill, is chained
            for (String service : VerifyEventsCommand.SERVICES.keySet()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                int exit = VerifyEventsCommand.run(new String[] {"verify-events", service,
                        "--url=" + restarted.serviceUrl(service)}, new PrintStream(out, true, StandardCharsets.UTF_8),
                        System.err);
                assertThat(out.toString(StandardCharsets.UTF_8)).as(service).startsWith(service + ": intact: ");
                assertThat(exit).as(service).isZero();
            }
        }
        // issue 10: nothing the share said about the child is in any process's log, across all of the above
        List<String> childData = new ArrayList<>(List.of(ChildDataInLogs.EXAMPLE_SHARE_DATA));
        childData.add(CHILD);
        ChildDataInLogs.assertNone(data, childData.toArray(String[]::new));
    }

    /** Every service's JVM maps the one class-data archive of the libraries they share (ADR 0018). */
    private static void mapTheSharedClassData(LocalBackbone backbone) throws IOException {
        String archive = backbone.classDataArchive().archive().toString();
        for (String service : LocalBackbone.SERVICES) {
            assertThat(Files.readString(Path.of("/proc", Long.toString(backbone.pid(service)), "maps")))
                    .as("%s maps %s", service, archive).contains(archive);
        }
    }

    /** The kinds of act about {@code child} on {@code agency}'s feed, read as that agency, once all have arrived. */
    private static Set<String> feedOf(LocalBackbone backbone, String agency, String child) {
        Set<String> types = new HashSet<>();
        try (var consumer = consumer(backbone, agency, Topics.feedOf(agency))) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!types.containsAll(List.of(EVERY_ACT)) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> {
                    if (child.equals(r.key())) {
                        types.add(r.value().getSchema().getName());
                    }
                });
            }
        }
        return types;
    }

    /**
     * ADR 0016: a reviewer opens the child's timeline page in a browser, is sent to the identity provider (./run's
     * token issuer), signs in as their agency and sees the page; an agency not involved signs in and is refused, and
     * the refusal is on the access log; the page's session does not open the API.
     */
    private static void reviewersSignInToTheTimelinePage(LocalBackbone backbone, Path profile) throws Exception {
        if (!ReviewerInABrowser.available()) {
            System.out.println("Chromium is not installed here (apt-get install chromium chromium-driver; .ci/run "
                    + "does): the reviewers' sign-in is not tried in a browser");
            return;
        }
        String page = backbone.serviceUrl("chronology") + "/reviewer/children/" + CHILD + "/timeline";
        try (ReviewerInABrowser browser = ReviewerInABrowser.open(profile)) {
            browser.openSignedInAs(page, "csc-a");
            // (Spring Security marks the request it saved for after signing in with "?continue")
            assertThat(browser.currentUrl()).as("back on the page, signed in").startsWith(page);
            assertThat(browser.heading()).isEqualTo("Timeline of child " + CHILD);
            assertThat(browser.readAs()).isEqualTo("LEAD_AGENCY");
            // the page's session is the page's: it opens the page, and not the API, which stays for bearer tokens
            // (and, locally, Basic)
            String session = "BACKBONE_REVIEWER_SESSION=" + browser.cookie("BACKBONE_REVIEWER_SESSION");
            HttpResponse<String> pageAgain = HTTP.send(HttpRequest.newBuilder(URI.create(page))
                    .header("Cookie", session).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(pageAgain.statusCode()).isEqualTo(200);
            assertThat(pageAgain.body()).contains("Timeline of child " + CHILD);
            HttpResponse<String> api = HTTP.send(HttpRequest.newBuilder(URI.create(backbone.serviceUrl("chronology")
                    + "/api/children/" + CHILD + "/chronology")).header("Cookie", session).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(api.statusCode()).isEqualTo(401);
            assertThat(api.body()).contains("urn:safeguarding-backbone:problem:unauthenticated");

            browser.forget();
            browser.openSignedInAs(page, "police-a");
            assertThat(browser.currentUrl()).startsWith(page);
            assertThat(browser.text()).contains("not-involved-with-child").doesNotContain("Timeline of child");
        }
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(call(backbone, "chronology", "GET",
                "/api/children/" + CHILD + "/access-log", "csc-a", null, 200).get("reads").toString())
                .contains("\"agency\":\"police-a\",\"practitioner\":null,\"resource\":\"chronology\"", "\"granted\":false"));
    }

    private static void read(LocalBackbone backbone, String agency, String topic) {
        try (var consumer = consumer(backbone, agency, topic)) {
            for (int polls = 0; polls < 40; polls++) {
                consumer.poll(Duration.ofMillis(250));
            }
        }
    }

    /** A consumer of {@code topic} as {@code agency}'s own system: its credentials, a consumer group of its own. */
    private static KafkaConsumer<String, SpecificRecord> consumer(LocalBackbone backbone, String agency,
                                                                  String topic) {
        Map<String, Object> config = new HashMap<>(backbone.kafkaClient(agency));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, agency + ".e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AvroKafkaDeserializer<SpecificRecord> values = new AvroKafkaDeserializer<>();
        values.configure(Map.of(SchemaResolverConfig.REGISTRY_URL, backbone.registryUrl() + "/apis/registry/v2",
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        KafkaConsumer<String, SpecificRecord> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
                values);
        consumer.subscribe(List.of(topic));
        return consumer;
    }

    /** The client-credentials grant, as the README shows it with curl. */
    private static String token(LocalBackbone backbone, String agency) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(backbone.issuerUrl()
                        + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (agency + ":dev-only-" + agency).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).get("access_token").asText();
    }

    private static List<String> eventTypes(LocalBackbone backbone) throws Exception {
        List<String> types = new ArrayList<>();
        call(backbone, "chronology", "GET", "/api/children/" + CHILD + "/chronology", "school-a", null, 200)
                .get("entries").forEach(entry -> types.add(entry.get("eventType").asText()));
        return types;
    }

    /** As a publisher retrying after a lost acknowledgement would: the same records, byte for byte, again. */
    private static void republishEverythingAbout(LocalBackbone backbone, String child) throws Exception {
        List<ConsumerRecord<String, byte[]>> originals = new ArrayList<>();
        Map<String, Object> config = new HashMap<>(backbone.kafkaClient(LocalKafkaBroker.ADMIN));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (originals.size() < EVERY_ACT.length && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(r -> {
                    if (child.equals(r.key())) {
                        originals.add(r);
                    }
                });
            }
        }
        assertThat(originals).as("records about the child on the topics").hasSize(EVERY_ACT.length);
        // R18: what was said is on the services' topics only sealed under the child's key (ids, agencies and the
        // practitioners' names in clear)
        for (ConsumerRecord<String, byte[]> original : originals) {
            String wire = new String(original.value(), StandardCharsets.UTF_8);
            for (String said : SAID_ON_THE_TOPICS) {
                assertThat(wire).as(original.topic() + " in clear: " + said).doesNotContain(said);
            }
        }
        try (var producer = new KafkaProducer<>(backbone.kafkaClient(LocalKafkaBroker.ADMIN),
                new StringSerializer(), new ByteArraySerializer())) {
            for (ConsumerRecord<String, byte[]> original : originals) {
                producer.send(new ProducerRecord<>(original.topic(), original.key(), original.value())).get();
            }
        }
    }

    /** An agency's request to a service, with its development credentials and {@code body} (JSON) if not null. */
    static HttpRequest.Builder asAgency(LocalBackbone backbone, String service, String method, String path,
                                        String agency, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(backbone.serviceUrl(service) + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (agency + ":dev-only-" + agency).getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return request;
    }

    /** An agency's HTTP call to a service, with its development credentials, and {@code headers} (name, value, ...). */
    static JsonNode call(LocalBackbone backbone, String service, String method, String path, String agency,
                         String body, int expectedStatus, String... headers) throws Exception {
        HttpRequest.Builder request = asAgency(backbone, service, method, path, agency, body);
        if (headers.length > 0) {
            request.headers(headers);
        }
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + " as " + agency + ": " + response.body())
                .isEqualTo(expectedStatus);
        return response.body().isEmpty() ? JSON.nullNode() : JSON.readTree(response.body());
    }
}
