package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.launcher.BackboneEndToEndIT.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.contracts.Contracts;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.localinfra.FreePorts;
import org.safeguarding.backbone.localinfra.KafkaAccess;
import org.safeguarding.backbone.localinfra.LocalAgencies;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.localinfra.LocalKafkaCluster;
import org.safeguarding.backbone.messaging.registry.ContractSchemas;

/**
 * Issue 10: the production path, proven on this machine, and agency systems on any Kafka client. The backbone runs as
 * it would past one machine: Kafka a cluster of three brokers (separate processes; every partition on all three, a
 * write kept by two at least), every service on PostgreSQL (skipped, saying so, where none answers at 127.0.0.1:5432).
 *
 * <p>First, under a load of shares and their acknowledgements, the broker leading the shares' topic is killed
 * ({@code SIGKILL}), the load going on while it is down, and started again: nothing acknowledged is lost, nothing is
 * duplicated in any projection, and the broker catches up. Then an agency's system written with no code of the
 * backbone's, on a non-Java Kafka and schema registry client (Node: kafkajs and @kafkajs/confluent-schema-registry,
 * {@code src/test/node}): it finds every contract's subject through the registry's Confluent API, decodes one record
 * of every contract type as the services encode them and every record on its feed, and sends a share by Kafka that
 * reaches the recipient's inbox; a schema-valid but invalid one gets ShareRejected and a dead letter it decodes
 * itself. Before, it decoded none of about 5,460 records, and the Confluent API listed no subject to send with. At
 * the end, no log holds a child's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionPathIT {

    private static final String CHILD = "9990001723";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String EVERY_TYPE_TOPIC = "contract-test.every-type.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int BROKERS = 3;
    /** The children the load is about: synthetic NHS numbers, 999300xxxC. */
    private static final List<String> LOAD_CHILDREN = ShareLoad.children("999300", 12);

    @TempDir
    static Path data;
    private LocalBackbone backbone;

    @BeforeAll
    void startOnTheProductionPath() throws Exception {
        NodeTools.install();
        List<Integer> brokerPorts = new ArrayList<>();
        List<Integer> controllerPorts = new ArrayList<>();
        for (int i = 0; i < BROKERS; i++) {
            brokerPorts.add(FreePorts.next());
            controllerPorts.add(FreePorts.next());
        }
        // each service from its own jar, as a deployment runs it (one a container), not sharing class data
        backbone = LocalBackbone.start(TestBackbones.onFreePorts(data).withoutSharedClasses()
                .withServiceArguments(TestBackbones.servicesOnPostgres("production"))
                .withKafkaCluster(brokerPorts, controllerPorts));
    }

    @AfterAll
    void stopAndReadTheLogs() throws IOException {
        if (backbone == null) {
            return;
        }
        backbone.close();
        // issue 10: a refused request, a dead letter, records of every type, a broker's crash: none of the child's
        // data in a log
        List<String> childData = new ArrayList<>(List.of(ChildDataInLogs.EXAMPLE_SHARE_DATA));
        childData.addAll(List.of(CHILD, "A. Officer (synthetic)", "Officers attended the home at 23:40"));
        childData.addAll(LOAD_CHILDREN);
        ChildDataInLogs.assertNone(data, childData.toArray(String[]::new));
    }

    @Test
    @Order(1)
    void aBrokerKilledMidFlow_andStartedAgain_losesNothingAcknowledged_andDuplicatesNothing() throws Exception {
        LocalKafkaCluster cluster = backbone.kafkaCluster();
        List<String> topics = KafkaAccess.forAgencies(LocalAgencies.fromRepository(backbone.repoRoot())).topics();
        try (Admin admin = Admin.create(backbone.kafkaClient(LocalKafkaBroker.ADMIN))) {
            // every topic of the plan on the three brokers, a write needing two of them
            admin.describeTopics(topics).allTopicNames().get(60, TimeUnit.SECONDS).forEach((topic, description) ->
                    description.partitions().forEach(partition -> assertThat(partition.replicas())
                            .as(topic + "-" + partition.partition()).hasSize(BROKERS)));
            Map<ConfigResource, org.apache.kafka.clients.admin.Config> configs = admin.describeConfigs(
                    topics.stream().map(topic -> new ConfigResource(ConfigResource.Type.TOPIC, topic)).toList())
                    .all().get(60, TimeUnit.SECONDS);
            configs.forEach((topic, config) -> assertThat(config.get("min.insync.replicas").value())
                    .as("min.insync.replicas of " + topic.name()).isEqualTo("2"));
        }
        // shares go on, each client one a second, until 15 more are accepted after the broker is back
        AtomicInteger stopAt = new AtomicInteger(Integer.MAX_VALUE);
        AtomicReference<ShareLoad> running = new AtomicReference<>();
        try (ShareLoad load = ShareLoad.start(backbone, LOAD_CHILDREN, 3, 30, 800, Duration.ofSeconds(1),
                () -> running.get() == null || running.get().acceptedCount() < stopAt.get())) {
            running.set(load);
            await().atMost(Duration.ofMinutes(3)).until(() -> load.acceptedCount() >= 8 || load.anyEnded());
            int victim = leaderOfTheShares(backbone);
            cluster.kill(victim);
            long killed = System.nanoTime();
            int beforeTheKill = load.acceptedCount();
            // the other two go on: shares accepted, published and read while it is down
            await().atMost(Duration.ofMinutes(3)).until(() -> load.acceptedCount() >= beforeTheKill + 10
                    || load.anyEnded());
            await().atMost(Duration.ofMinutes(3)).until(() -> !cluster.underReplicated(topics).isEmpty());
            System.out.println("The cluster saw the broker's loss after " + (System.nanoTime() - killed) / 1_000_000
                    + " ms");
            assertThat(cluster.isRunning(victim)).isFalse();
            int whileDown = load.acceptedCount() - beforeTheKill;
            long restarting = System.nanoTime();
            cluster.restart(victim);
            // it catches up: every partition has its three copies in sync again
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1))
                    .untilAsserted(() -> assertThat(cluster.underReplicated(topics)).isEmpty());
            int caughtUp = load.acceptedCount();
            stopAt.set(caughtUp + 15);
            load.awaitEnd(Duration.ofMinutes(10));
            System.out.println("Broker " + victim + " killed after " + beforeTheKill + " shares; " + whileDown
                    + " accepted while it was down; back and caught up in "
                    + (System.nanoTime() - restarting) / 1_000_000 + " ms; " + load.acceptedCount() + " in all");
            assertThat(whileDown).as("shares accepted while the broker was down").isGreaterThanOrEqualTo(10);
            assertThat(load.acceptedCount()).as("shares after it was back").isGreaterThanOrEqualTo(caughtUp + 15)
                    .isLessThan(800);
            load.assertEveryAcceptedShareOnceEverywhere(backbone);
        }
    }

    /** The broker leading the first partition of the shares' topic. */
    private static int leaderOfTheShares(LocalBackbone backbone) throws Exception {
        try (Admin admin = Admin.create(backbone.kafkaClient(LocalKafkaBroker.ADMIN))) {
            return admin.describeTopics(List.of(Topics.REFERRALS)).allTopicNames().get(60, TimeUnit.SECONDS)
                    .get(Topics.REFERRALS).partitions().get(0).leader().id();
        }
    }

    @Test
    @Order(2)
    void aNodeClientReadsEveryContract_andSharesByKafka() throws Exception {
        // a share to children's social care over HTTP, so its feed has a record the services wrote
        String example = Files.readString(backbone.repoRoot().resolve("docs/examples/share.json"))
                .replace("9990000018", CHILD);
        String shareId = call(backbone, "referrals", "POST", "/api/shares", "school-a", example, 201,
                "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").get("shareId").asText();
        call(backbone, "referrals", "POST", "/api/shares/" + shareId + "/acknowledgements", "csc-a", null, 200);
        writeOneOfEveryContract(backbone);

        JsonNode report = runClient(backbone);

        List<String> contracts = Contracts.records().stream().map(Contracts::subjectOf).toList();
        assertThat(names(report.get("subjects"))).as("the subjects the Confluent API lists").containsAll(contracts);
        assertThat(report.at("/everyType/failed")).as("records it could not decode").isEmpty();
        assertThat(names(report.at("/everyType/decoded"))).containsExactlyInAnyOrderElementsOf(contracts);
        assertThat(report.at("/feed/failed")).as("feed records it could not decode").isEmpty();
        assertThat(names(report.at("/feed/decoded"))).contains(
                "org.safeguarding.backbone.contracts.referrals.v1.InformationShared",
                "org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged");

        // the share it sent is in the recipient's inbox
        String good = report.at("/sent/good").asText();
        await().atMost(Duration.ofSeconds(90)).until(() -> call(backbone, "referrals", "GET",
                "/api/inbox/shares?childId=" + CHILD, "csc-a", null, 200).toString()
                .contains("Sent by a system the backbone did not write"));
        // the refused one: its reasons on the sender's feed, and its dead letter the bytes the client sent
        assertThat(report.get("rejection")).as("ShareRejected on the sender's feed").isNotNull();
        assertThat(report.at("/rejection/problems/0/type").asText()).isEqualTo("unknown-agency");
        assertThat(report.at("/rejection/problems/0/field").asText()).isEqualTo("recipients[0].agency");
        assertThat(report.get("deadLetter")).as("the dead letter, decoded by the client").isNotNull();
        assertThat(report.at("/deadLetter/requestId").asText()).isEqualTo(report.at("/sent/bad").asText());
        assertThat(report.at("/deadLetter/schemaId").asInt()).as("as sent: the client's own schema id")
                .isEqualTo(report.at("/sent/schemaId").asInt());
        assertThat(report.at("/deadLetter/reason").asText()).contains("recipients[0].agency");
        assertThat(good).startsWith("node-");
        // issue 10: the share's trace, from its POST through referrals, Kafka and the chronology to the feed
        assertThat(feedTraces(backbone, "csc-a")).as("trace ids on csc-a's feed").contains(TRACE_ID);
    }

    /**
     * One record of every contract type, encoded as the services encode theirs, on a topic of the test's own (the
     * services' topics would act on them).
     */
    private static void writeOneOfEveryContract(LocalBackbone backbone) throws Exception {
        try (Admin admin = Admin.create(backbone.kafkaClient(LocalKafkaBroker.ADMIN))) {
            admin.createTopics(List.of(new NewTopic(EVERY_TYPE_TOPIC, 1, (short) BROKERS))).all()
                    .get(30, TimeUnit.SECONDS);
        }
        Map<String, Object> config = new HashMap<>(backbone.kafkaClient(LocalKafkaBroker.ADMIN));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        AvroKafkaSerializer<GenericRecord> values = new AvroKafkaSerializer<>();
        values.configure(ContractSchemas.serdeConfig(backbone.registryUrl() + "/apis/registry/v2", false), false);
        try (KafkaProducer<String, GenericRecord> producer = new KafkaProducer<>(config, new StringSerializer(),
                values)) {
            for (Schema contract : Contracts.records()) {
                producer.send(new ProducerRecord<>(EVERY_TYPE_TOPIC, CHILD, (GenericRecord) synthetic(contract)))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }

    /** A value of {@code schema}: every field filled (the first branch of a union that is not null), all synthetic. */
    static Object synthetic(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> {
                GenericRecord record = new GenericData.Record(schema);
                schema.getFields().forEach(field -> record.put(field.name(), synthetic(field.schema())));
                yield record;
            }
            case UNION -> synthetic(schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL)
                    .findFirst().orElseThrow());
            case ENUM -> new GenericData.EnumSymbol(schema, schema.getEnumSymbols().get(0));
            case ARRAY -> new GenericData.Array<>(schema, List.of(synthetic(schema.getElementType())));
            case MAP -> new LinkedHashMap<>(Map.of("synthetic", synthetic(schema.getValueType())));
            case STRING -> "synthetic";
            case INT -> 20_000;
            case LONG -> 1_764_000_000_000L;
            case BOOLEAN -> true;
            case DOUBLE, FLOAT -> 1.0;
            default -> throw new IllegalArgumentException("no synthetic value for " + schema);
        };
    }

    private static JsonNode runClient(LocalBackbone backbone) throws Exception {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("brokers", List.of(backbone.bootstrapServers().split(",")));
        config.put("registry", backbone.registryUrl() + "/apis/ccompat/v7");
        config.put("admin", Map.of("username", LocalKafkaBroker.ADMIN,
                "password", LocalKafkaBroker.passwordOf(LocalKafkaBroker.ADMIN)));
        config.put("reader", Map.of("agency", "csc-a", "password", LocalKafkaBroker.passwordOf("csc-a")));
        config.put("sender", Map.of("agency", "police-a", "password", LocalKafkaBroker.passwordOf("police-a")));
        config.put("child", CHILD);
        config.put("recipient", "csc-a");
        config.put("everyTypeTopic", EVERY_TYPE_TOPIC);
        config.put("everyTypeCount", Contracts.records().size());
        config.put("feedAtLeast", 2);
        Commands.Run client = Commands.run(List.of("node", "foreign-client.mjs"), NodeTools.DIR,
                Map.of("CONTRACT_TEST", JSON.writeValueAsString(config)), Duration.ofMinutes(6));
        assertThat(client.exitCode()).as("the client's exit: " + client.output()).isZero();
        List<String> lines = client.lines();
        return JSON.readTree(lines.get(lines.size() - 1));
    }

    /** The trace id in the {@code traceparent} header of each record on {@code agency}'s feed about the child. */
    private static Set<String> feedTraces(LocalBackbone backbone, String agency) {
        Map<String, Object> config = new HashMap<>(backbone.kafkaClient(agency));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, agency + ".trace-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Set<String> traces = new HashSet<>();
        try (KafkaConsumer<String, byte[]> feed = new KafkaConsumer<>(config, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            feed.subscribe(List.of(Topics.feedOf(agency)));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!traces.contains(TRACE_ID) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, byte[]> record : feed.poll(Duration.ofMillis(250))) {
                    Header traceparent = record.headers().lastHeader("traceparent");
                    if (CHILD.equals(record.key()) && traceparent != null) {
                        traces.add(new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1]);
                    }
                }
            }
        }
        return traces;
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(name -> names.add(name.asText()));
        return names;
    }
}
