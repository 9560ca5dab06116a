package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.launcher.BackboneEndToEndIT.asAgency;
import static org.safeguarding.backbone.launcher.BackboneEndToEndIT.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.testsupport.SyntheticNhsNumbers;

/**
 * Agency systems sharing with children's social care while something goes wrong underneath: each client posts the
 * README's example share about one of a few children and acknowledges it as the recipient, each request under its own
 * {@code Idempotency-Key}, sent again until it is answered, as an agency system should. Then
 * {@link #assertEveryAcceptedShareOnceEverywhere} checks exactly what the backbone holds.
 */
final class ShareLoad implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<String> children;
    private final Map<Integer, String> accepted = new ConcurrentHashMap<>();
    private final Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
    private final ExecutorService clients;
    private final List<Future<?>> running = new ArrayList<>();

    private ShareLoad(List<String> children, int clients) {
        this.children = children;
        this.clients = Executors.newFixedThreadPool(clients);
    }

    /**
     * Starts {@code clients} clients sharing at least {@code atLeast} shares between them, and on while
     * {@code goOn} says so (at most {@code atMost}), each client pausing {@code pause} after each share.
     */
    static ShareLoad start(LocalBackbone backbone, List<String> children, int clients, int atLeast, int atMost,
                           Duration pause, BooleanSupplier goOn) throws IOException {
        String example = Files.readString(backbone.repoRoot().resolve("docs/examples/share.json"));
        ShareLoad load = new ShareLoad(children, clients);
        for (int client = 0; client < clients; client++) {
            int first = client;
            load.running.add(load.clients.submit(() -> {
                for (int i = first; i < atLeast || (goOn.getAsBoolean() && i < atMost); i += clients) {
                    String child = children.get(i % children.size());
                    JsonNode share = untilAnswered(backbone, "/api/shares", "school-a",
                            example.replace("9990000018", child), "load-share-" + i, 201);
                    load.accepted.put(i, share.get("shareId").asText());
                    untilAnswered(backbone, "/api/shares/" + share.get("shareId").asText() + "/acknowledgements",
                            "csc-a", null, "load-ack-" + i, 200);
                    load.acknowledged.add(i);
                    Thread.sleep(pause.toMillis());
                }
                return null;
            }));
        }
        return load;
    }

    /** Synthetic NHS numbers (999 range, {@code prefix} their first six digits) with valid check digits. */
    static List<String> children(String prefix, int count) {
        return SyntheticNhsNumbers.from(Long.parseLong(prefix + "000"), count);
    }

    /** How many shares have been accepted so far. */
    int acceptedCount() {
        return accepted.size();
    }

    /** True once a client has finished, or failed. */
    boolean anyEnded() {
        return running.stream().anyMatch(Future::isDone);
    }

    /** Waits for every client to finish; a client's failure is thrown. */
    void awaitEnd(Duration within) throws Exception {
        long deadline = System.nanoTime() + within.toNanos();
        for (Future<?> client : running) {
            client.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
    }

    /**
     * Exactly: every share accepted (201) is on Kafka, in its recipient's inbox (acknowledged) and in the chronology
     * once, with its acknowledgement and its feedback request once, and the feedback it asks for owed once; no share
     * is anywhere that was not accepted.
     */
    void assertEveryAcceptedShareOnceEverywhere(LocalBackbone backbone) throws Exception {
        assertThat(acknowledged).hasSize(accepted.size());
        Map<String, Integer> sharesPerChild = new TreeMap<>();
        accepted.forEach((i, shareId) -> sharesPerChild.merge(children.get(i % children.size()), 1, Integer::sum));
        Set<String> acceptedIds = new HashSet<>(accepted.values());

        // on Kafka: every accepted share, and no other (at least once: a record may be there twice, an event never
        // under two shares)
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

    @Override
    public void close() {
        clients.shutdownNow();
    }

    /** Sends the request under its key until it is answered as expected, as an agency system should. */
    private static JsonNode untilAnswered(LocalBackbone backbone, String path, String agency, String body, String key,
                                          int expected) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        String last = "";
        while (System.nanoTime() < deadline) {
            try {
                HttpResponse<String> response = HTTP.send(asAgency(backbone, "referrals", "POST", path, agency, body)
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
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "share-load-" + UUID.randomUUID());
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
}
