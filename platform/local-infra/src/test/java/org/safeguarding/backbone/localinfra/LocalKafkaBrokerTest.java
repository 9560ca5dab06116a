package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalKafkaBrokerTest {

    static Map<String, Object> with(Map<String, Object> config, String key, Object value) {
        Map<String, Object> more = new HashMap<>(config);
        more.put(key, value);
        return more;
    }

    @Test
    void recordsWrittenBeforeARestartAreStillThereAfterIt(@TempDir Path dataDir) throws Exception {
        int brokerPort = FreePorts.next();
        int controllerPort = FreePorts.next();
        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, brokerPort, controllerPort, List.of())) {
            assertThat(broker.bootstrapServers()).isEqualTo("127.0.0.1:" + brokerPort);
            try (var producer = new KafkaProducer<>(with(broker.clientConfig(LocalKafkaBroker.ADMIN),
                    ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new StringSerializer())) {
                producer.send(new ProducerRecord<>("restart-check", "child-1", "kept")).get();
            }
        }
        assertThat(Files.exists(dataDir.resolve("kraft-logs/meta.properties"))).isTrue();

        try (LocalKafkaBroker broker = LocalKafkaBroker.start(dataDir, brokerPort, controllerPort, List.of());
             var consumer = new KafkaConsumer<>(with(with(broker.clientConfig(LocalKafkaBroker.ADMIN),
                     ConsumerConfig.GROUP_ID_CONFIG, "restart-check"), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                     new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of("restart-check"));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.key() + "=" + r.value()));
            }
            assertThat(values).containsExactly("child-1=kept");
        }
    }
}
