package org.safeguarding.backbone.chronology.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.timeline.integration.ChronologyRebuild;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackGiven;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRead;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.contracts.referrals.v1.UnderstandingConfirmed;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.kernel.rebuild.RebuildProgress;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.messaging.persistence.PostgresByteaDialect;
import org.safeguarding.backbone.messaging.registry.ContractSchemas;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.BenchmarkRows;
import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.safeguarding.backbone.testsupport.SyntheticNhsNumbers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 8's replay benchmark, not a test (its name keeps it out of the suite; nothing fails on time). Run:
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B -o test -pl services/chronology -Dtest=ReplayBenchmark -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 * ({@code -Dbench.children=N}, default 100,000, ten acts each; {@code -Dbench.h2=;SETTING=value} appended to the
 * store's URL; {@code -Dbench.store=postgres} for the production store, a fresh schema on 127.0.0.1:5432). On the in-process broker and an H2 file store, as
 * {@code ./run} has them: writes 1 million synthetic acts about 100,000 children to the topics the chronology reads
 * (the live chronology is past them, as after a day's work), measures how fast a bare consumer reads them (bytes only,
 * and decoding the Avro as the chronology does), rebuilds the chronology from them ({@link ChronologyRebuild}) and
 * reports its rate as a ratio to the bare consumers'; then reads one child's chronology over HTTP, as csc-a, for
 * random children, and reports p50 and p99. Appends a dated row to docs/benchmarks.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
class ReplayBenchmark {

    private static final int CHILDREN = Integer.getInteger("bench.children", 100_000);
    private static final int ACTS_PER_CHILD = 10;
    private static final List<String> TOPICS = List.of(Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS,
            Topics.REVIEWS, Topics.PATTERNS);
    private static final Instant T0 = Instant.parse("2026-01-05T09:00:00Z");
    /** {@code -Dbench.store=postgres}: the production store, a fresh schema on the server at 127.0.0.1:5432. */
    private static final boolean POSTGRES = "postgres".equals(System.getProperty("bench.store", "h2"));
    private static final Path STORE = Path.of("target", "replay-benchmark", UUID.randomUUID().toString());
    private static final List<String> children = new ArrayList<>();
    private static double produceSeconds;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
        if (POSTGRES) {
            // the production store, as application-postgres.yml has it
            PostgresDatabase.freshSchema("replay", properties);
            properties.add("spring.jpa.database-platform", () -> PostgresByteaDialect.class.getName());
            properties.add("spring.datasource.hikari.data-source-properties.reWriteBatchedInserts", () -> "true");
        } else {
            // a file store, as the embedded default's
            properties.add("spring.datasource.url", () -> "jdbc:h2:file:" + STORE.toAbsolutePath() + "/chronology"
                    + System.getProperty("bench.h2", ""));
        }
        // no pattern sweeps meanwhile
        properties.add("backbone.patterns.sweep-every", () -> "PT1H");
    }

    @Autowired ChronologyRebuild rebuild;
    @Autowired JdbcTemplate jdbc;
    @LocalServerPort int port;

    /** The acts, on the topics before the service starts; the live chronology's group is put past them. */
    @BeforeAll
    static void actsOnTheTopics() throws Exception {
        children.addAll(SyntheticNhsNumbers.from(999_000_000L, CHILDREN));
        AvroKafkaSerializer<SpecificRecord> values = new AvroKafkaSerializer<>();
        values.configure(ContractSchemas.serdeConfig(BackboneInfrastructure.registry().url() + "/apis/registry/v2",
                true), false);
        Map<String, Object> config = new HashMap<>(BackboneInfrastructure.kafkaClient(LocalKafkaBroker.ADMIN));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        config.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        long started = System.nanoTime();
        try (KafkaProducer<String, SpecificRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                values)) {
            for (int i = 0; i < children.size(); i++) {
                String child = children.get(i);
                for (Map.Entry<String, SpecificRecord> act : actsAbout(child, T0.plusSeconds(i * 60L))) {
                    producer.send(new ProducerRecord<>(act.getKey(), child, act.getValue()));
                }
                if (i % 10_000 == 0) {
                    System.out.printf("[replay benchmark] %,d of %,d children on the topics%n", i, children.size());
                }
            }
            producer.flush();
        }
        produceSeconds = (System.nanoTime() - started) / 1e9;
        try (Admin admin = Admin.create(BackboneInfrastructure.kafkaClient(LocalKafkaBroker.ADMIN))) {
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            for (String topic : TOPICS) {
                admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
                        .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            }
            Map<TopicPartition, OffsetAndMetadata> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((partition, offset) ->
                    end.put(partition, new OffsetAndMetadata(offset.offset())));
            admin.alterConsumerGroupOffsets("chronology", end).all().get();
        }
    }

    /** Ten acts about a child across three topics: two shares, acknowledged, read, understood; feedback; a move. */
    private static List<Map.Entry<String, SpecificRecord>> actsAbout(String child, Instant at) {
        String first = "s1-" + child;
        String second = "s2-" + child;
        List<Map.Entry<String, SpecificRecord>> acts = new ArrayList<>();
        acts.add(Map.entry(Topics.REFERRALS, InformationShared.newBuilder().setEnvelope(envelope(child, "school-a", at))
                .setShareId(first).setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a", "gp-a"))
                .setPurpose("Concern about repeated unexplained absences")
                .setStatements(List.of(Statement.newBuilder().setText("Absent 6 of the last 10 school days").build()))
                .build()));
        acts.add(Map.entry(Topics.REFERRALS, ShareAcknowledged.newBuilder()
                .setEnvelope(envelope(child, "csc-a", at.plusSeconds(600))).setShareId(first)
                .setRecipientAgency("csc-a").build()));
        acts.add(Map.entry(Topics.REFERRALS, ShareRead.newBuilder()
                .setEnvelope(envelope(child, "gp-a", at.plusSeconds(900))).setShareId(first)
                .setRecipientAgency("gp-a").setSenderAgency("school-a").build()));
        acts.add(Map.entry(Topics.REFERRALS, UnderstandingConfirmed.newBuilder()
                .setEnvelope(envelope(child, "csc-a", at.plusSeconds(1200))).setShareId(first)
                .setRecipientAgency("csc-a").setSenderAgency("school-a").build()));
        acts.add(Map.entry(Topics.FEEDBACK, FeedbackRequested.newBuilder()
                .setEnvelope(envelope(child, "school-a", at.plusSeconds(60))).setFeedbackId("f1-" + child)
                .setShareId(first).setOwedBy("csc-a").setOwedTo("school-a")
                .setDueBy(LocalDate.parse("2026-01-19")).build()));
        acts.add(Map.entry(Topics.FEEDBACK, FeedbackRequested.newBuilder()
                .setEnvelope(envelope(child, "school-a", at.plusSeconds(61))).setFeedbackId("f2-" + child)
                .setShareId(first).setOwedBy("gp-a").setOwedTo("school-a")
                .setDueBy(LocalDate.parse("2026-01-19")).build()));
        acts.add(Map.entry(Topics.FEEDBACK, FeedbackGiven.newBuilder()
                .setEnvelope(envelope(child, "csc-a", at.plusSeconds(86_400))).setFeedbackId("f1-" + child)
                .setShareId(first).setGivenBy("csc-a").setGivenTo("school-a").setActionTaken("Strategy discussion")
                .setOutcome("Assessment started").build()));
        acts.add(Map.entry(Topics.REFERRALS, InformationShared.newBuilder()
                .setEnvelope(envelope(child, "gp-a", at.plusSeconds(2 * 86_400))).setShareId(second)
                .setSenderAgency("gp-a").setRecipientAgencies(List.of("csc-a"))
                .setPurpose("Missed two appointments")
                .setStatements(List.of(Statement.newBuilder().setText("Not brought to clinic twice").build()))
                .build()));
        acts.add(Map.entry(Topics.REFERRALS, ShareAcknowledged.newBuilder()
                .setEnvelope(envelope(child, "csc-a", at.plusSeconds(2 * 86_400 + 600))).setShareId(second)
                .setRecipientAgency("csc-a").build()));
        acts.add(Map.entry(Topics.TRANSITIONS, ChildTransferred.newBuilder()
                .setEnvelope(envelope(child, "school-a", at.plusSeconds(3 * 86_400))).setTransferId("t-" + child)
                .setFromAgency("school-a").setToAgency("school-b").setReason("Family moved")
                .setMovedOn(LocalDate.parse("2026-01-09")).build()));
        return acts;
    }

    private static Envelope envelope(String child, String agency, Instant occurredAt) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                .setOccurredAt(occurredAt).setRecordedAt(occurredAt.plusSeconds(1)).setActingAgency(agency)
                .setCorrelationId("conversation-" + child).build();
    }

    @Test
    void replay() throws Exception {
        long acts = (long) CHILDREN * ACTS_PER_CHILD;
        System.out.printf("[replay benchmark] %,d acts about %,d children on the topics in %.1f s%n", acts, CHILDREN,
                produceSeconds);
        // the bare consumers first, and once more after the rebuild: the page cache is as warm for each
        double rawRate = bareConsumer(new ByteArrayDeserializer(), acts);
        double avroRate = bareConsumer(avroValues(), acts);
        System.out.printf("[replay benchmark] bare consumer: %,.0f records/s (bytes), %,.0f records/s (Avro)%n",
                rawRate, avroRate);

        RebuildProgress started = rebuild.start();
        RebuildProgress progress = started;
        while (progress.running()) {
            Thread.sleep(5000);
            progress = rebuild.progress();
            System.out.printf("[replay benchmark] rebuild %s: %,d of %,d, %,.0f/s, %s left%n", progress.stage(),
                    progress.done(), progress.total(), progress.perSecond(), progress.left());
        }
        assertThat(progress.stage()).as(String.valueOf(progress.problem())).isEqualTo(RebuildProgress.Stage.DONE);
        double rebuildSeconds = Duration.between(progress.startedAt(), progress.endedAt()).toMillis() / 1000.0;
        double rebuildRate = progress.done() / rebuildSeconds;
        Long entries = jdbc.queryForObject("select count(*) from chronology_entry", Long.class);
        assertThat(entries).as("every act in the rebuilt chronology").isEqualTo(acts);

        double rawAfter = bareConsumer(new ByteArrayDeserializer(), acts);
        double avroAfter = bareConsumer(avroValues(), acts);
        rawRate = Math.max(rawRate, rawAfter);
        avroRate = Math.max(avroRate, avroAfter);

        long[] latencies = chronologyReads(2_000, 200);
        long p50 = latencies[latencies.length / 2];
        long p99 = latencies[(int) Math.ceil(latencies.length * 0.99) - 1];

        String summary = String.format(Locale.ROOT, "| %s%s | %,d acts, %,d children | %,.0f/s (%.1f s) | %,.0f/s | "
                        + "%.2f | %,.0f/s | %.2f | %.1f ms | %.1f ms |", LocalDate.now(), POSTGRES ? " (PostgreSQL)" : "", acts, CHILDREN, rebuildRate,
                rebuildSeconds, rawRate, rebuildRate / rawRate, avroRate, rebuildRate / avroRate, p50 / 1e6,
                p99 / 1e6);
        System.out.println("[replay benchmark] " + summary);
        appendToBenchmarks(summary);
    }

    private static AvroKafkaDeserializer<Object> avroValues() {
        AvroKafkaDeserializer<Object> values = new AvroKafkaDeserializer<>();
        values.configure(ContractSchemas.serdeConfig(BackboneInfrastructure.registry().url() + "/apis/registry/v2",
                false), false);
        return values;
    }

    /** Reads every record on the chronology's topics from the beginning, doing nothing with them; records per second. */
    private static <V> double bareConsumer(Deserializer<V> values, long expected) {
        Map<String, Object> config = new HashMap<>(BackboneInfrastructure.kafkaClient(LocalKafkaBroker.ADMIN));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        try (KafkaConsumer<String, V> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values)) {
            List<TopicPartition> partitions = TOPICS.stream().flatMap(topic -> consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition()))).collect(Collectors.toList());
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long started = System.nanoTime();
            long read = 0;
            while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
                ConsumerRecords<String, V> records = consumer.poll(Duration.ofMillis(500));
                read += records.count();
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(read).isGreaterThanOrEqualTo(expected);
            return read / seconds;
        }
    }

    /** One child's chronology over HTTP as csc-a (party to every child's acts), for random children; sorted nanos. */
    private long[] chronologyReads(int measured, int warmUp) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        String basic = "Basic " + Base64.getEncoder().encodeToString("csc-a:dev-only-csc-a"
                .getBytes(StandardCharsets.UTF_8));
        Random random = new Random(8);
        long[] latencies = new long[measured];
        for (int i = -warmUp; i < measured; i++) {
            String child = children.get(random.nextInt(children.size()));
            HttpRequest read = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/children/"
                    + child + "/chronology")).header("Authorization", basic).GET().build();
            long started = System.nanoTime();
            HttpResponse<String> answer = http.send(read, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - started;
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            if (i >= 0) {
                latencies[i] = took;
            }
        }
        Arrays.sort(latencies);
        return latencies;
    }

    private static void appendToBenchmarks(String row) throws IOException {
        BenchmarkRows.append("<!-- replay benchmark rows: ReplayBenchmark appends here -->", row);
    }
}
