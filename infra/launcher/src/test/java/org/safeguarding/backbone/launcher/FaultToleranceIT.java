package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.io.IOException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.localinfra.FreePorts;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.testsupport.PostgresDatabase;

/**
 * Issue 12: under a sustained load of shares and their acknowledgements, each service is killed with SIGKILL in turn
 * at a random moment, then the schema registry, then the broker is stopped and started again, then every service
 * loses its database connections; the supervisor restarts what was killed. The services keep their stores on
 * PostgreSQL (skipped, saying so, where none answers at 127.0.0.1:5432). Then, exactly: every share accepted (201) is in its recipient's inbox, on Kafka and in
 * the chronology once, its feedback owed once per recipient, every accepted acknowledgement recorded once; no share
 * recorded that was not accepted. The clients do what an agency system should: send each request under its own
 * {@code Idempotency-Key} and send it again until it is answered. Bounded: at least {@code -Dfaults.shares} (120 by
 * default; 10,000 for the full run the issue asks for), and on until the last fault is recovered from; each wait.
 * On demand: {@code ./mvnw -o verify -pl infra/launcher -Dit.test=FaultToleranceIT -Dfaults=true -Dfaults.shares=60}.
 */
@EnabledIfSystemProperty(named = "faults", matches = "true",
        disabledReason = "on demand (-Dfaults=true): under the suite's load the services slow down as shares pile up "
                + "per child, and a run can outlast the build's time (docs/reliability.md)")
class FaultToleranceIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int SHARES = Integer.getInteger("faults.shares", 120);
    private static final int CLIENTS = 4;
    private static final List<String> FAULTS = List.of("referrals", "feedback", "transitions", "chronology",
            "registry", "broker", "database");

    /** Synthetic NHS numbers (999 range) with valid check digits: the children the load is about. */
    static List<String> children(int count) {
        List<String> children = new ArrayList<>();
        for (int n = 0; children.size() < count; n++) {
            String nine = String.format("999200%03d", n);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = (11 - sum % 11) % 11;
            if (check != 10) {
                children.add(nine + check);
            }
        }
        return children;
    }

    @Test
    void underLoad_eachServiceKilled_theRegistryKilled_theBrokerRestarted_nothingAcceptedIsLostOrDuplicated(
            @TempDir Path data) throws Exception {
        // each service on a PostgreSQL schema of its own: the production store (the embedded default's H2 keeps a
        // commit in memory for up to half a second, so a kill can take a commit already answered; docs/reliability.md)
        Map<String, List<String>> stores = new HashMap<>();
        for (String service : LocalBackbone.SERVICES) {
            List<String> database = PostgresDatabase.freshSchemaFor("faults-" + service);
            stores.put(service, List.of("--spring.profiles.active=local,postgres",
                    "--spring.datasource.url=" + database.get(0), "--spring.datasource.username=" + database.get(1),
                    "--spring.datasource.password=" + database.get(2)));
        }
        LocalBackbone.Settings settings = new LocalBackbone.Settings(
                Path.of(System.getProperty("backbone.repo-root", "../..")), data, Version.current(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                Map.of("referrals", FreePorts.next(), "feedback", FreePorts.next(), "transitions", FreePorts.next(),
                        "chronology", FreePorts.next())).withServiceArguments(stores);
        String example = Files.readString(settings.repoRoot().resolve("docs/examples/share.json"));
        List<String> children = children(24);
        Random random = new Random(Long.getLong("faults.seed", System.nanoTime()));
        try (LocalBackbone backbone = LocalBackbone.start(settings)) {
            Map<Integer, String> accepted = new ConcurrentHashMap<>();
            Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
            AtomicBoolean faultsDone = new AtomicBoolean();
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS + 1);
            List<Future<?>> load = new ArrayList<>();
            for (int client = 0; client < CLIENTS; client++) {
                int first = client;
                load.add(clients.submit(() -> {
                    // at least SHARES, and on until every fault has been made and recovered from (at most four times
                    // as many)
                    for (int i = first; i < SHARES || (!faultsDone.get() && i < 4 * SHARES); i += CLIENTS) {
                        String child = children.get(i % children.size());
                        JsonNode share = untilAnswered(backbone, "referrals", "/api/shares", "school-a",
                                example.replace("9990000018", child), "fault-share-" + i, 201);
                        accepted.put(i, share.get("shareId").asText());
                        untilAnswered(backbone, "referrals", "/api/shares/" + share.get("shareId").asText()
                                + "/acknowledgements", "csc-a", null, "fault-ack-" + i, 200);
                        acknowledged.add(i);
                    }
                    return null;
                }));
            }
            // the faults in turn, each at a random moment (one to eight seconds into the load, or after the last
            // was recovered from), the load going on meanwhile
            Map<String, Long> recovery = new LinkedHashMap<>();
            Future<?> faults = clients.submit(() -> {
                for (String fault : FAULTS) {
                    long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000 + random.nextInt(7000));
                    await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() >= at
                            || load.stream().anyMatch(Future::isDone));
                    if (load.stream().anyMatch(Future::isDone)) {
                        // a client has failed: its exception is the test's answer
                        break;
                    }
                    long begun = System.nanoTime();
                    if (fault.equals("broker")) {
                        backbone.restartBroker();
                    } else if (fault.equals("database")) {
                        // every service loses its database connections at once; the pools open new ones
                        for (String service : LocalBackbone.SERVICES) {
                            PostgresDatabase.terminateConnections("faults-" + service);
                        }
                    } else {
                        long pid = backbone.status().stream().filter(s -> s.name().equals(fault)).findFirst()
                                .orElseThrow().pid();
                        ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                        await().atMost(Duration.ofSeconds(10)).until(() -> backbone.status().stream()
                                .anyMatch(s -> s.name().equals(fault) && s.pid() != pid));
                    }
                    await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() ->
                            backbone.status().stream().allMatch(s -> s.state() == Supervisor.State.RUNNING));
                    recovery.put(fault, (System.nanoTime() - begun) / 1_000_000);
                }
                faultsDone.set(true);
                return null;
            });
            for (Future<?> client : load) {
                client.get(30, TimeUnit.MINUTES);
            }
            faults.get(30, TimeUnit.MINUTES);
            clients.shutdown();
            System.out.println("Faults and the time to recover from each (ms): " + recovery);
            assertThat(recovery).containsOnlyKeys(FAULTS);
            System.out.println(accepted.size() + " shares accepted and acknowledged under the faults");
            assertThat(accepted.size()).isGreaterThanOrEqualTo(SHARES);
            assertThat(acknowledged).hasSize(accepted.size());

            Map<String, Integer> sharesPerChild = new TreeMap<>();
            accepted.forEach((i, shareId) -> sharesPerChild.merge(children.get(i % children.size()), 1, Integer::sum));
            Set<String> acceptedIds = new HashSet<>(accepted.values());

            // on Kafka: every accepted share, and no other (at least once: a record may be there twice, an event
            // never under two shares)
            Map<String, Integer> onKafka = sharesOnKafka(backbone, acceptedIds.size());
            assertThat(onKafka.keySet()).as("the shares on Kafka are exactly those accepted")
                    .containsExactlyInAnyOrderElementsOf(acceptedIds);
            System.out.println("Shares published more than once (at least once delivery): "
                    + onKafka.values().stream().filter(n -> n > 1).count());

            // in the recipient's inbox (the README's example share goes to children's social care), acknowledged; once
            for (Map.Entry<String, Integer> child : sharesPerChild.entrySet()) {
                JsonNode inbox = call(backbone, "referrals", "GET", "/api/inbox/shares?size=100&childId="
                        + child.getKey(), "csc-a", null, 200);
                assertThat(inbox.get("totalItems").asInt()).as("the inbox for " + child.getKey())
                        .isEqualTo(child.getValue());
            }
            for (String shareId : acceptedIds) {
                JsonNode share = call(backbone, "referrals", "GET", "/api/shares/" + shareId, "csc-a", null, 200);
                share.get("recipients").forEach(r -> {
                    if (r.get("agency").asText().equals("csc-a")) {
                        assertThat(r.get("acknowledged").asBoolean()).as("acknowledged " + shareId).isTrue();
                    }
                });
            }

            // feedback owed once per share and recipient
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                List<String> owed = new ArrayList<>();
                call(backbone, "feedback", "GET", "/api/feedback", "csc-a", null, 200).forEach(item -> {
                    if (item.get("owedBy").asText().equals("csc-a")) {
                        owed.add(item.get("shareId").asText());
                    }
                });
                assertThat(owed).as("feedback children's social care owes").hasSize(acceptedIds.size())
                        .containsExactlyInAnyOrderElementsOf(acceptedIds);
            });

            // in the chronology: each share and each acknowledgement once
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
                for (Map.Entry<String, Integer> child : sharesPerChild.entrySet()) {
                    Map<String, Integer> types = new TreeMap<>();
                    call(backbone, "chronology", "GET", "/api/children/" + child.getKey() + "/chronology", "csc-a",
                            null, 200).get("entries").forEach(e -> types.merge(e.get("eventType").asText(), 1,
                            Integer::sum));
                    assertThat(types.get("InformationShared")).as("shares of " + child.getKey())
                            .isEqualTo(child.getValue());
                    assertThat(types.get("ShareAcknowledged")).as("acknowledgements of " + child.getKey())
                            .isEqualTo(child.getValue());
                    assertThat(types.get("FeedbackRequested")).as("feedback requested for " + child.getKey())
                            .isEqualTo(child.getValue());
                }
            });
        }
    }

    /** Sends the request under its key until it is answered as expected, as an agency system should. */
    private static JsonNode untilAnswered(LocalBackbone backbone, String service, String path, String agency,
                                          String body, String key, int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(request(backbone, service, "POST", path, agency, body)
                        .header("Idempotency-Key", key).timeout(Duration.ofSeconds(60)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return JSON.readTree(response.body());
                }
                last = response.statusCode() + " " + response.body();
                // 503 (a dependency down), 409 (the first try still in progress): wait and send it again
                assertThat(response.statusCode()).as(last).isIn(500, 502, 503, 409);
            } catch (IOException e) {
                last = e.toString();
            }
            Thread.sleep(500);
        }
        throw new AssertionError("not answered within 5 minutes: " + path + " under " + key + ": " + last);
    }

    private static Map<String, Integer> sharesOnKafka(LocalBackbone backbone, int expected) {
        Map<String, Integer> shares = new HashMap<>();
        Map<String, Object> config = new HashMap<>(backbone.kafkaClient(LocalKafkaBroker.ADMIN));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "faults-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        AvroKafkaDeserializer<SpecificRecord> values = new AvroKafkaDeserializer<>();
        values.configure(Map.of(SchemaResolverConfig.REGISTRY_URL, backbone.registryUrl() + "/apis/registry/v2",
                AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            consumer.subscribe(List.of(Topics.REFERRALS));
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            long quietSince = System.nanoTime();
            while (System.nanoTime() < deadline
                    && (shares.size() < expected || System.nanoTime() - quietSince < Duration.ofSeconds(5).toNanos())) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) {
                    quietSince = System.nanoTime();
                }
                records.forEach(r -> {
                    if (r.value() instanceof InformationShared shared) {
                        shares.merge(shared.getShareId(), 1, Integer::sum);
                    }
                });
            }
        }
        return shares;
    }

    private static HttpRequest.Builder request(LocalBackbone backbone, String service, String method, String path,
                                               String agency, String body) {
        return HttpRequest.newBuilder(URI.create(backbone.serviceUrl(service) + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (agency + ":dev-only-" + agency).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
    }

    private static JsonNode call(LocalBackbone backbone, String service, String method, String path, String agency,
                                 String body, int expected) throws Exception {
        HttpResponse<String> response = HTTP.send(request(backbone, service, method, path, agency, body).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(method + " " + path + ": " + response.body()).isEqualTo(expected);
        return JSON.readTree(response.body());
    }
}
