package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.launcher.BackboneEndToEndIT.call;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.testsupport.BenchmarkRows;
import org.safeguarding.backbone.testsupport.SyntheticNhsNumbers;

/**
 * Issue 11's load driver, first part: the embedded default as {@code ./run} starts it (on free ports, a data
 * directory of its own), measured beside raw Kafka on the same broker in the same run, each figure with its ratio.
 * Kept out of the suite by its name; run with
 * {@code ./mvnw -B -o test -pl infra/launcher -Dtest=LoadBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 * (after {@code ./mvnw -B -q install -DskipTests}). Bounded: {@code -Dbench.warmup} (600) shares posted first the
 * same way and not measured (the services' code compiled, as in a backbone that has run a while; 0 for none),
 * {@code -Dbench.shares} (600) for the closed loop,
 * {@code -Dbench.rate} (20 a second) for {@code -Dbench.seconds} (20) for the latencies. {@code -Dbench.store=postgres}
 * puts every service on PostgreSQL (127.0.0.1:5432) instead of its H2 file; {@code -Dbench.profile=<directory>}
 * writes a flame graph of each service, and of this JVM (the broker and the driver), in each phase there
 * ({@link Profiles}; {@code -Dbench.profile-event=wall} for wall-clock time, waits included, instead of CPU). Prints
 * the CPU each process spent in each phase. Appends a dated row to docs/benchmarks.md. Nothing here fails on time.
 *
 * <ol>
 *   <li>raw Kafka: a producer ({@code acks=all}, idempotent) writing 1,500-byte records as fast as it can; a consumer
 *       reading them back; produce-to-consume latency at the fixed rate;</li>
 *   <li>closed-loop ingest: 16 clients posting the README's example share, one new child each, as fast as
 *       answered, once the same has been done to warm the services up;</li>
 *   <li>fixed-rate latency: shares posted at the fixed rate, each timed from its POST to its record on the shares'
 *       topic, and to its record on the recipient's feed (published by the chronology once it has recorded the act:
 *       share to chronology and to recipient, together);</li>
 *   <li>the embedded default's memory (resident, every process: RSS, and PSS, which shares between them the pages several
 *   map) and its time to ready; by default as from the second start, with the services' shared class data (ADR 0018),
 *   or with {@code -Dbench.shared-classes=false} each service loading its own.</li>
 * </ol>
 */
class LoadBenchmark {

    private static final int SHARES = Integer.getInteger("bench.shares", 600);
    private static final int RATE = Integer.getInteger("bench.rate", 20);
    private static final int SECONDS = Integer.getInteger("bench.seconds", 20);
    /** Shares posted first, the same way, and not measured but for the rate they went in at ("cold"). */
    private static final int WARMUP = Integer.getInteger("bench.warmup", 600);
    private static final int CONCURRENCY = 16;
    /** Each service on PostgreSQL (the production store; 127.0.0.1:5432) instead of its H2 file. */
    private static final boolean ON_POSTGRES = "postgres".equals(System.getProperty("bench.store"));
    private static final boolean SHARED_CLASSES = !"false".equals(System.getProperty("bench.shared-classes"));
    /** This JVM, as the CPU figures name it: the in-process broker and the benchmark's own clients. */
    private static final String BROKER_AND_DRIVER = "broker and driver";
    /** Where flame graphs of each service go (e.g. docs/benchmarks/profiles), none when unset. */
    private static final Path PROFILES = System.getProperty("bench.profile") == null ? null
            : Path.of(System.getProperty("bench.profile"));
    private static final AtomicInteger NEXT_CHILD = new AtomicInteger();

    @Test
    void theEmbeddedDefault_besideRawKafka(@TempDir Path data, @TempDir Path first) throws Exception {
        if (SHARED_CLASSES) {
            // as from ./run's second start on: the services' shared class data is made at the first (ADR 0018)
            try (LocalBackbone once = LocalBackbone.start(TestBackbones.onFreePorts(first))) {
                assertThat(once.classDataArchive().awaitReady(600)).as("the services' shared class data made").isTrue();
            }
        }
        long starting = System.nanoTime();
        LocalBackbone.Settings settings = TestBackbones.onFreePorts(data);
        if (!SHARED_CLASSES) {
            settings = settings.withoutSharedClasses();
        }
        if (ON_POSTGRES) {
            settings = settings.withServiceArguments(TestBackbones.servicesOnPostgres("load"));
        }
        try (LocalBackbone backbone = LocalBackbone.start(settings)) {
            double readySeconds = (System.nanoTime() - starting) / 1e9;
            String example = Files.readString(backbone.repoRoot().resolve("docs/examples/share.json"));

            // 1. raw Kafka, on the same broker
            double producerRate = rawProducerRate(backbone, 50_000);
            double consumerRate = rawConsumerRate(backbone, 50_000);
            List<Double> raw = rawLatencies(backbone);

            // 2. closed-loop ingest, each share watched for on the shares' topic and the recipient's feed
            Map<String, Long> postedAt = new ConcurrentHashMap<>();
            Map<String, Double> toTopic = new ConcurrentHashMap<>();
            Map<String, Double> toFeed = new ConcurrentHashMap<>();
            double ingestRate;
            double coldRate = Double.NaN;
            double throughRate;
            double cpuIngest;
            double cpuAtRate;
            List<Double> posts = Collections.synchronizedList(new ArrayList<>());
            List<Double> toInbox = Collections.synchronizedList(new ArrayList<>());
            int count = RATE * SECONDS;
            try (Watcher topic = new Watcher(backbone, Topics.REFERRALS, postedAt, toTopic);
                 Watcher feed = new Watcher(backbone, Topics.feedOf("csc-a"), postedAt, toFeed)) {
                // 2a. the same closed loop, not measured, until the services' code is compiled: what a backbone
                // that has been running a while does (without it, compiling is 13-18% of each service's CPU here)
                if (WARMUP > 0) {
                    long warming = System.nanoTime();
                    closedLoop(backbone, example, WARMUP, postedAt, Collections.synchronizedList(new ArrayList<>()));
                    coldRate = WARMUP / ((System.nanoTime() - warming) / 1e9);
                    awaitSeen(toTopic, toFeed, WARMUP);
                    awaitQuiet(backbone);
                    toTopic.clear();
                    toFeed.clear();
                    postedAt.clear();
                }
                Profiles ingestProfile = Profiles.start(processes(backbone), PROFILES, "ingest", PROFILED);
                long begun = System.nanoTime();
                closedLoop(backbone, example, SHARES, postedAt, posts);
                ingestRate = SHARES / ((System.nanoTime() - begun) / 1e9);
                // and through: every one of them on the topic and on the feed (the backlog drained before the
                // latencies are measured, or they would measure the queue)
                awaitSeen(toTopic, toFeed, SHARES);
                throughRate = SHARES / ((System.nanoTime() - begun) / 1e9);
                // and everything the shares set off (feedback owed, its request in the chronology, ...) done with,
                // or the latencies below would wait behind it
                awaitQuiet(backbone);
                ingestProfile.close();
                cpuIngest = ingestProfile.totalCpuSeconds();
                System.out.println("ingest and through: " + ingestProfile.cpuSummary());
                toTopic.clear();
                toFeed.clear();
                postedAt.clear();

                // 3. fixed-rate latency: POST to the shares' topic, and to the recipient's feed
                Profiles rateProfile = Profiles.start(processes(backbone), PROFILES, "rate-" + RATE, PROFILED);
                ScheduledExecutorService pacer = Executors.newScheduledThreadPool(8);
                List<Future<?>> sends = new ArrayList<>();
                for (int i = 0; i < count; i++) {
                    sends.add(pacer.schedule(() -> {
                        // answered 201: in the recipient's inbox (the views are kept in the command's transaction)
                        toInbox.add(timedPost(backbone, example, postedAt));
                        return null;
                    }, i * 1_000_000_000L / RATE, TimeUnit.NANOSECONDS));
                }
                for (Future<?> send : sends) {
                    send.get(10, TimeUnit.MINUTES);
                }
                pacer.shutdown();
                awaitSeen(toTopic, toFeed, count);
                rateProfile.close();
                cpuAtRate = rateProfile.totalCpuSeconds();
                System.out.println("at " + RATE + "/s: " + rateProfile.cpuSummary());
            }
            long rss = memoryBytes("VmRSS:", "status");
            long pss = memoryBytes("Pss:", "smaps_rollup");

            double rawP99 = percentile(raw, 99);
            String row = String.format(Locale.ROOT, "| %s%s | %,.0f rec/s | %,.0f rec/s | %.1f / %.1f ms | %.1f shares/s "
                            + "(%.4fx)%s; through to the feed %.1f/s | %.0f / %.0f ms; at %d/s, to the recipient's "
                            + "inbox %.0f / %.0f ms (%.1fx) | %d/s: %.0f / %.0f ms (%.1fx) "
                            + "| %.0f / %.0f ms (%.1fx) | %.2f / %.2f GiB | %.0f s | %.0f ms; %.0f ms |",
                    LocalDate.now(), (ON_POSTGRES ? " (PostgreSQL stores)" : "")
                            + (SHARED_CLASSES ? "" : " (each service its own classes)"), producerRate, consumerRate, percentile(raw, 50), rawP99, ingestRate,
                    ingestRate / producerRate, WARMUP > 0
                            ? String.format(Locale.ROOT, ", after %d warming up (%.1f/s)", WARMUP, coldRate) : "",
                    throughRate, percentile(posts, 50), percentile(posts, 99), RATE, percentile(toInbox, 50),
                    percentile(toInbox, 99), percentile(toInbox, 99) / rawP99, RATE,
                    percentile(List.copyOf(toTopic.values()), 50), percentile(List.copyOf(toTopic.values()), 99),
                    percentile(List.copyOf(toTopic.values()), 99) / rawP99,
                    percentile(List.copyOf(toFeed.values()), 50), percentile(List.copyOf(toFeed.values()), 99),
                    percentile(List.copyOf(toFeed.values()), 99) / rawP99, rss / (1024.0 * 1024 * 1024),
                    pss / (1024.0 * 1024 * 1024),
                    readySeconds, 1000 * cpuIngest / SHARES, 1000 * cpuAtRate / count);
            System.out.println("raw producer | raw consumer | raw produce-to-consume p50 / p99 | ingest (ratio) "
                    + "| POST p50 / p99; at the rate, to the inbox | POST to topic p50 / p99 (p99 ratio) "
                    + "| POST to feed p50 / p99 (p99 ratio) "
                    + "| memory (RSS / PSS) | ready | CPU a share (ingest and through; at the rate)");
            System.out.println(row);
            BenchmarkRows.append("<!-- load benchmark rows: LoadBenchmark appends here -->", row);
        }
    }

    /** {@code shares} posted by 16 clients, each again as soon as answered; each POST's time in {@code posts}. */
    private static void closedLoop(LocalBackbone backbone, String example, int shares, Map<String, Long> postedAt,
                                   List<Double> posts) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CONCURRENCY);
        AtomicInteger left = new AtomicInteger(shares);
        List<Future<?>> running = new ArrayList<>();
        for (int c = 0; c < CONCURRENCY; c++) {
            running.add(clients.submit(() -> {
                while (left.getAndDecrement() > 0) {
                    posts.add(timedPost(backbone, example, postedAt));
                }
                return null;
            }));
        }
        for (Future<?> client : running) {
            client.get(10, TimeUnit.MINUTES);
        }
        clients.shutdown();
    }

    /** The example share about a new child, its POST's start noted for the watchers; how long the POST took (ms). */
    private static double timedPost(LocalBackbone backbone, String example, Map<String, Long> postedAt)
            throws Exception {
        String child = nextChild();
        long sent = System.nanoTime();
        postedAt.put(child, sent);
        post(backbone, example, child);
        return (System.nanoTime() - sent) / 1e6;
    }

    /** What is profiled with {@code -Dbench.profile}: the services, and this JVM (the broker and the driver). */
    private static final List<String> PROFILED = Stream.concat(LocalBackbone.SERVICES.stream(),
            Stream.of(BROKER_AND_DRIVER)).toList();

    /** Every process of the backbone by name: the services, the registry, and this JVM (the broker, the driver). */
    private static Map<String, Long> processes(LocalBackbone backbone) {
        Map<String, Long> pids = new LinkedHashMap<>();
        for (Supervisor.Status status : backbone.status()) {
            pids.put(status.name(), status.pid());
        }
        pids.put(BROKER_AND_DRIVER, ProcessHandle.current().pid());
        return pids;
    }

    /**
     * Waits (at most 5 minutes) until every consumer group of the backbone has read every topic to its end, twice a
     * second apart (what one consumes, another may still be publishing).
     */
    private static void awaitQuiet(LocalBackbone backbone) throws Exception {
        AtomicInteger quietChecks = new AtomicInteger();
        AtomicLong behind = new AtomicLong(-1);
        try (Admin admin = Admin.create(admin(backbone))) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                behind.set(lag(admin));
                if (behind.get() > 0) {
                    quietChecks.set(0);
                    return false;
                }
                return quietChecks.incrementAndGet() >= 2;
            });
        } catch (ConditionTimeoutException e) {
            System.out.println("NOTE: the backbone's consumers were still " + behind.get() + " records behind after 5 "
                    + "minutes; the latencies below include that backlog");
        }
    }

    /** Records not yet read by the backbone's consumer groups (not the benchmark's own), all topics together. */
    private static long lag(Admin admin) throws Exception {
        long lag = 0;
        for (var group : admin.listConsumerGroups().all().get(30, TimeUnit.SECONDS)) {
            if (group.groupId().startsWith("bench-")) {
                continue;
            }
            Map<TopicPartition, OffsetAndMetadata> read =
                    admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata()
                            .get(30, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest =
                    new HashMap<>();
            read.keySet().forEach(partition -> latest.put(partition,
                    OffsetSpec.latest()));
            var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
            for (var partition : read.entrySet()) {
                if (partition.getValue() != null) {
                    lag += ends.get(partition.getKey()).offset() - partition.getValue().offset();
                }
            }
        }
        return lag;
    }

    /** Waits (at most 5 minutes) until {@code count} shares are seen on both; fails saying how many were not. */
    private static void awaitSeen(Map<String, Double> toTopic, Map<String, Double> toFeed, int count) {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).untilAsserted(() -> {
            assertThat(toTopic).as("shares seen on the shares' topic").hasSize(count);
            assertThat(toFeed).as("shares seen on the recipient's feed").hasSize(count);
        });
    }

    /** A synthetic NHS number (999 range, valid check digit) not used before in this run. */
    private static String nextChild() {
        while (true) {
            String child = SyntheticNhsNumbers.of(999_500_000L + NEXT_CHILD.getAndIncrement());
            if (child != null) {
                return child;
            }
        }
    }

    private static void post(LocalBackbone backbone, String example, String child) throws Exception {
        call(backbone, "referrals", "POST", "/api/shares", "school-a", example.replace("9990000018", child), 201);
    }

    private static Map<String, Object> admin(LocalBackbone backbone) {
        return new HashMap<>(backbone.kafkaClient(LocalKafkaBroker.ADMIN));
    }

    private static double rawProducerRate(LocalBackbone backbone, int records) throws Exception {
        try (Admin admin = Admin.create(admin(backbone))) {
            admin.createTopics(List.of(new NewTopic("bench.raw.v1", 3, (short) 1),
                    new NewTopic("bench.latency.v1", 3, (short) 1))).all().get(60, TimeUnit.SECONDS);
        }
        byte[] value = new byte[1500];
        try (var producer = new KafkaProducer<>(producerConfig(backbone), new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>("bench.raw.v1", "warm-up", value)).get();
            long begun = System.nanoTime();
            for (int i = 0; i < records; i++) {
                producer.send(new ProducerRecord<>("bench.raw.v1", "child-" + (i % 1000), value));
            }
            producer.flush();
            return records / ((System.nanoTime() - begun) / 1e9);
        }
    }

    private static Map<String, Object> producerConfig(LocalBackbone backbone) {
        Map<String, Object> config = admin(backbone);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return config;
    }

    private static Map<String, Object> consumerConfig(LocalBackbone backbone, String group) {
        Map<String, Object> config = admin(backbone);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return config;
    }

    private static double rawConsumerRate(LocalBackbone backbone, int records) {
        try (var consumer = new KafkaConsumer<>(consumerConfig(backbone, "bench-raw"), new StringDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of("bench.raw.v1"));
            int read = 0;
            long begun = 0;
            while (read < records + 1) {
                int got = consumer.poll(Duration.ofMillis(500)).count();
                if (got > 0 && begun == 0) {
                    begun = System.nanoTime();
                }
                read += got;
            }
            return records / ((System.nanoTime() - begun) / 1e9);
        }
    }

    /** Produce-to-consume at the fixed rate, for the same time: each record's latency in ms. */
    private static List<Double> rawLatencies(LocalBackbone backbone) throws Exception {
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        int count = RATE * SECONDS;
        try (var consumer = new KafkaConsumer<>(consumerConfig(backbone, "bench-latency"), new StringDeserializer(),
                new ByteArrayDeserializer());
             var producer = new KafkaProducer<>(producerConfig(backbone), new StringSerializer(),
                     new ByteArraySerializer())) {
            consumer.subscribe(List.of("bench.latency.v1"));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
            for (int i = 0; i < count; i++) {
                pacer.schedule(() -> producer.send(new ProducerRecord<>("bench.latency.v1", "child",
                                ByteBuffer.allocate(1500).putLong(System.nanoTime()).array())),
                        i * 1_000_000_000L / RATE, TimeUnit.NANOSECONDS);
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(SECONDS + 60).toNanos();
            while (latencies.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(100)).forEach(record -> latencies.add(
                        (System.nanoTime() - ByteBuffer.wrap(record.value()).getLong()) / 1e6));
            }
            pacer.shutdownNow();
        }
        return latencies;
    }

    /** Reads a topic from its end, noting when each posted child's first record arrives. */
    private static final class Watcher implements AutoCloseable {
        private final KafkaConsumer<String, byte[]> consumer;
        private final Thread thread;
        private volatile boolean stop;

        Watcher(LocalBackbone backbone, String topic, Map<String, Long> postedAt, Map<String, Double> seen) {
            Map<String, Object> config = consumerConfig(backbone, "bench-watch-" + topic);
            config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
            consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
            consumer.subscribe(List.of(topic));
            while (consumer.assignment().isEmpty()) {
                consumer.poll(Duration.ofMillis(100));
            }
            thread = new Thread(() -> {
                while (!stop) {
                    consumer.poll(Duration.ofMillis(50)).forEach(record -> {
                        Long posted = postedAt.get(record.key());
                        if (posted != null) {
                            seen.putIfAbsent(record.key(), (System.nanoTime() - posted) / 1e6);
                        }
                    });
                }
            }, "watch-" + topic);
            thread.start();
        }

        @Override
        public void close() throws InterruptedException {
            stop = true;
            thread.join();
            consumer.close();
        }
    }

    private static double percentile(List<Double> values, int percentile) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1));
    }

    /**
     * Memory of this process's descendants (the backbone's children) and, in part, itself, from the line of
     * {@code /proc/<pid>/<file>} that begins with {@code field}: {@code VmRSS} counts a page every process maps in
     * each of them; {@code Pss} shares it between them (the services' shared class data, ADR 0018).
     */
    private static long memoryBytes(String field, String file) {
        long total = 0;
        for (ProcessHandle process : ProcessHandle.current().descendants().toList()) {
            total += memory(process.pid(), field, file);
        }
        // the launcher's own share here is the broker in this JVM; counted whole, with the test's own objects
        return total + memory(ProcessHandle.current().pid(), field, file);
    }

    private static long memory(long pid, String field, String file) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), file))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (Exception e) {
            // gone meanwhile
        }
        return 0;
    }
}
