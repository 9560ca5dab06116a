package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.localinfra.FreePorts;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;

/** {@code ./run replay-dead-letters}, against a real broker. */
class ReplayDeadLettersCommandTest {

    @TempDir
    static Path data;
    private static LocalKafkaBroker broker;

    @BeforeAll
    static void broker() {
        broker = LocalKafkaBroker.start(data, FreePorts.next(), FreePorts.next(), List.of());
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of("replay-dead-letters"));
        all.addAll(List.of(args));
        all.add("--bootstrap=" + broker.bootstrapServers());
        int exit = ReplayDeadLettersCommand.run(all.toArray(String[]::new),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void deadLettersGoBackToTheirTopicAsTheyWereSent_once() throws Exception {
        String topic = "replay-test-" + UUID.randomUUID() + ".v1";
        Map<String, Object> admin = broker.clientConfig(LocalKafkaBroker.ADMIN);
        try (Admin topics = Admin.create(admin)) {
            topics.createTopics(List.of(new NewTopic(topic, 1, (short) 1), new NewTopic(topic + ".dlt", 1, (short) 1)))
                    .all().get();
        }
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(admin, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            for (String value : List.of("first as sent", "second as sent")) {
                ProducerRecord<byte[], byte[]> deadLetter = new ProducerRecord<>(topic + ".dlt",
                        "9990000999".getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
                deadLetter.headers().add("kafka_dlt-original-topic", topic.getBytes(StandardCharsets.UTF_8));
                deadLetter.headers().add("kafka_dlt-exception-fqcn",
                        "org.safeguarding.backbone.messaging.consume.UnprocessableRecord".getBytes(StandardCharsets.UTF_8));
                deadLetter.headers().add("traceparent", "00-abc-def-01".getBytes(StandardCharsets.UTF_8));
                producer.send(deadLetter).get();
            }
        }

        assertThat(run(topic, "--dry-run")).isEqualTo("2 dead letters in " + topic + ".dlt would be replayed to "
                + topic + ", by reason: {org.safeguarding.backbone.messaging.consume.UnprocessableRecord=2}.");
        assertThat(run(topic)).startsWith("Replayed 2 dead letters from " + topic + ".dlt to " + topic);
        assertThat(run(topic + ".dlt")).as("a second run: nothing new").startsWith("Replayed 0 dead letters");

        List<ConsumerRecord<byte[], byte[]>> replayed = readAll(admin, topic, 2);
        assertThat(replayed).extracting(r -> new String(r.value(), StandardCharsets.UTF_8))
                .containsExactly("first as sent", "second as sent");
        assertThat(replayed).allSatisfy(r -> {
            assertThat(new String(r.key(), StandardCharsets.UTF_8)).isEqualTo("9990000999");
            List<String> headers = new ArrayList<>();
            for (Header header : r.headers()) {
                headers.add(header.key());
            }
            assertThat(headers).containsExactly("traceparent", ReplayDeadLettersCommand.REPLAYED_FROM);
        });
    }

    private static List<ConsumerRecord<byte[], byte[]>> readAll(Map<String, Object> client, String topic, int count) {
        Map<String, Object> config = new HashMap<>(client);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "replay-test-reader-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.size() < count && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(250)).forEach(records::add);
            }
            // and nothing more
            consumer.poll(Duration.ofSeconds(1)).forEach(records::add);
        }
        return records;
    }
}
