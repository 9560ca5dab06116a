package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.launcher.BackboneEndToEndIT.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.contracts.Contracts;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.localinfra.FreePorts;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.messaging.registry.ContractSchemas;

/**
 * Issue 10: an agency's system written with no code of the backbone's, on a non-Java Kafka and schema registry client
 * (Node: kafkajs and @kafkajs/confluent-schema-registry, {@code src/test/node}), against the backbone as ./run starts
 * it. It finds every contract's subject through the registry's Confluent API, decodes one record of every contract
 * type as the services encode them and every record on its feed, and sends a share by Kafka that reaches the
 * recipient's inbox; a schema-valid but invalid one gets ShareRejected and a dead letter it decodes itself. Before,
 * it decoded none of about 5,460 records, and the Confluent API listed no subject to send with. And the AsyncAPI
 * document, read by the AsyncAPI parser.
 */
class ForeignClientContractIT {

    private static final String CHILD = "9990001723";
    private static final String TRACE_ID = "0af7651916cd43dd8448eb211c80319c";
    private static final String EVERY_TYPE_TOPIC = "contract-test.every-type.v1";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path CLIENT = Path.of("src/test/node");

    @Test
    void aNodeClientReadsEveryContract_andSharesByKafka(@TempDir Path data) throws Exception {
        LocalBackbone.Settings settings = new LocalBackbone.Settings(
                Path.of(System.getProperty("backbone.repo-root", "../..")), data, Version.current(),
                FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                Map.of("referrals", FreePorts.next(), "feedback", FreePorts.next(), "transitions", FreePorts.next(),
                        "chronology", FreePorts.next()));
        installClient();
        try (LocalBackbone backbone = LocalBackbone.start(settings)) {
            // a share to children's social care over HTTP, so its feed has a record the services wrote
            String example = Files.readString(settings.repoRoot().resolve("docs/examples/share.json"))
                    .replace("9990000018", CHILD);
            String shareId = call(backbone, "referrals", "POST", "/api/shares", "school-a", example, 201,
                    "traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01").get("shareId").asText();
            call(backbone, "referrals", "POST", "/api/shares/" + shareId + "/acknowledgements", "csc-a", null,
                    200);
            writeOneOfEveryContract(backbone);

            JsonNode report = runClient(backbone);

            List<String> contracts = Contracts.records().stream().map(Contracts::subjectOf).toList();
            assertThat(names(report.get("subjects"))).as("the subjects the Confluent API lists")
                    .containsAll(contracts);
            assertThat(report.at("/everyType/failed")).as("records it could not decode").isEmpty();
            assertThat(names(report.at("/everyType/decoded"))).containsExactlyInAnyOrderElementsOf(contracts);
            assertThat(report.at("/feed/failed")).as("feed records it could not decode").isEmpty();
            assertThat(names(report.at("/feed/decoded"))).contains(
                    "org.safeguarding.backbone.contracts.referrals.v1.InformationShared",
                    "org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged");

            // the share it sent is in the recipient's inbox
            String good = report.at("/sent/good").asText();
            await().atMost(Duration.ofSeconds(90)).until(() -> call(backbone, "referrals", "GET", "/api/inbox/shares",
                    "csc-a", null, 200).toString().contains("Sent by a system the backbone did not write"));
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
        // issue 10: a refused request, a dead letter, records of every type: none of the child's data in a log
        List<String> childData = new ArrayList<>(List.of(ChildDataInLogs.EXAMPLE_SHARE_DATA));
        childData.addAll(List.of(CHILD, "A. Officer (synthetic)", "Officers attended the home at 23:40"));
        ChildDataInLogs.assertNone(data, childData.toArray(String[]::new));
    }

    /**
     * docs/asyncapi.yaml read by the AsyncAPI initiative's own parser, as AsyncAPI tools read it: no error (its
     * content is checked against the code by AsyncApiDocumentTest, platform/local-infra).
     */
    @Test
    void theAsyncApiDocumentIsValidAsyncApi() throws Exception {
        installClient();
        Path document = Path.of(System.getProperty("backbone.repo-root", "../..")).resolve("docs/asyncapi.yaml")
                .toAbsolutePath().normalize();
        Path output = Files.createTempFile("asyncapi", ".log");
        Process validation = new ProcessBuilder("node", "validate-asyncapi.mjs", document.toString())
                .directory(CLIENT.toFile()).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(validation.waitFor(3, TimeUnit.MINUTES)).isTrue();
        String findings = Files.readString(output);
        assertThat(validation.exitValue()).as(findings).isZero();
        assertThat(findings).contains("VALID").doesNotContain("INVALID");
    }

    /** The client's packages, as its lock file pins them, from the npm registry (once per checkout). */
    private static void installClient() throws Exception {
        if (Files.isDirectory(CLIENT.resolve("node_modules/kafkajs"))
                && Files.isDirectory(CLIENT.resolve("node_modules/@asyncapi/parser"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(CLIENT.toFile())
                .redirectErrorStream(true).redirectOutput(CLIENT.resolve("npm-ci.log").toFile()).start();
        assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue()).as("npm ci: see " + CLIENT.resolve("npm-ci.log")).isZero();
    }

    /**
     * One record of every contract type, encoded as the services encode theirs, on a topic of the test's own (the
     * services' topics would act on them).
     */
    private static void writeOneOfEveryContract(LocalBackbone backbone) throws Exception {
        try (Admin admin = Admin.create(backbone.kafkaClient(LocalKafkaBroker.ADMIN))) {
            admin.createTopics(List.of(new NewTopic(EVERY_TYPE_TOPIC, 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
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
        config.put("brokers", List.of(backbone.bootstrapServers()));
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
        Path output = Files.createTempFile("foreign-client", ".log");
        ProcessBuilder node = new ProcessBuilder("node", "foreign-client.mjs").directory(CLIENT.toFile())
                .redirectErrorStream(true).redirectOutput(output.toFile());
        node.environment().put("CONTRACT_TEST", JSON.writeValueAsString(config));
        Process client = node.start();
        boolean finished = client.waitFor(6, TimeUnit.MINUTES);
        if (!finished) {
            client.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(finished).as("the client finished: " + String.join("\n", lines)).isTrue();
        assertThat(client.exitValue()).as("the client's exit: " + String.join("\n", lines)).isZero();
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
