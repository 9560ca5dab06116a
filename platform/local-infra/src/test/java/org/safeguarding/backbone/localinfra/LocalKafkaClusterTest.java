package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.safeguarding.backbone.localinfra.LocalKafkaBrokerTest.with;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 10: the replicated cluster the production path is proven on. Three broker processes; the leader of a topic
 * kept in three copies with {@code min.insync.replicas=2} is killed ({@code SIGKILL}) while a producer writes with
 * {@code acks=all}: writes go on on the other two, every record acknowledged is there once, and the node started
 * again catches up. Then the whole cluster is stopped and started again on its data, as {@code ./run} is.
 */
class LocalKafkaClusterTest {

    @Test
    void theLeaderKilledMidWrite_losesNothingAcknowledged_andCatchesUpWhenStartedAgain(@TempDir Path data)
            throws Exception {
        List<Integer> brokerPorts = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());
        List<Integer> controllerPorts = List.of(FreePorts.next(), FreePorts.next(), FreePorts.next());
        try (LocalKafkaCluster cluster = LocalKafkaCluster.start(data, data.resolve("logs"), brokerPorts,
                controllerPorts, List.of())) {
            assertThat(cluster.nodeIds()).containsExactly(1, 2, 3);
            assertThat(cluster.bootstrapServers().split(",")).hasSize(3);
            int leader;
            try (Admin admin = Admin.create(cluster.clientConfig(LocalKafkaBroker.ADMIN))) {
                admin.createTopics(List.of(new NewTopic("kept", 1, (short) 3))).all().get(60, TimeUnit.SECONDS);
                var description = admin.describeTopics(List.of("kept")).allTopicNames().get(60, TimeUnit.SECONDS)
                        .get("kept").partitions().get(0);
                assertThat(description.replicas()).hasSize(3);
                leader = description.leader().id();
            }
            List<String> acknowledged = new ArrayList<>();
            Map<String, Object> producerConfig = with(with(cluster.clientConfig(LocalKafkaBroker.ADMIN),
                    ProducerConfig.ACKS_CONFIG, "all"), ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            try (var producer = new KafkaProducer<>(producerConfig, new StringSerializer(), new StringSerializer())) {
                send(producer, "before", acknowledged);
                cluster.kill(leader);
                assertThat(cluster.isRunning(leader)).isFalse();
                send(producer, "while-down", acknowledged);
                await().atMost(Duration.ofMinutes(1)).until(() -> !cluster.underReplicated(List.of("kept")).isEmpty());
                cluster.restart(leader);
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> cluster.underReplicated(List.of("kept")).isEmpty());
                send(producer, "after", acknowledged);
            }
            assertThat(acknowledged).hasSize(300);
            assertThat(readAll(cluster, acknowledged.size(), "read-all")).containsExactlyElementsOf(acknowledged);
        }
        // the whole cluster stopped and started again on its data (./run stopped and run again): all still there
        try (LocalKafkaCluster again = LocalKafkaCluster.start(data, data.resolve("logs"), brokerPorts,
                controllerPorts, List.of())) {
            assertThat(readAll(again, 300, "read-again")).hasSize(300);
        }
    }

    /** 100 records, each waited for: those the cluster acknowledged, in order. */
    private static void send(KafkaProducer<String, String> producer, String phase, List<String> acknowledged)
            throws Exception {
        List<Future<RecordMetadata>> sent = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sent.add(producer.send(new ProducerRecord<>("kept", "child", phase + "-" + i)));
        }
        for (int i = 0; i < sent.size(); i++) {
            sent.get(i).get(2, TimeUnit.MINUTES);
            acknowledged.add(phase + "-" + i);
        }
    }

    private static List<String> readAll(LocalKafkaCluster cluster, int expected, String group) {
        Map<String, Object> config = new HashMap<>(cluster.clientConfig(LocalKafkaBroker.ADMIN));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> values = new ArrayList<>();
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("kept"));
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (values.size() < expected && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            // and nothing more
            consumer.poll(Duration.ofSeconds(1)).forEach(record -> values.add(record.value()));
        }
        return values;
    }
}
