package org.safeguarding.backbone.testsupport;

import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.safeguarding.backbone.messaging.registry.ContractSchemas;

/**
 * Writes to the test broker as an agency's system would: authenticated as that agency, so the broker's ACLs apply
 * (it may write only its own inbound topic), with Avro through the registry or raw bytes.
 */
public final class TopicWriter<V> implements AutoCloseable {

    private final KafkaProducer<String, V> producer;

    private TopicWriter(String principal, Serializer<V> values) {
        Map<String, Object> config = new HashMap<>(BackboneInfrastructure.kafkaClient(principal));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        producer = new KafkaProducer<>(config, new StringSerializer(), values);
    }

    /** Avro records, their schemas registered as the services register theirs ({@link ContractSchemas}). */
    public static TopicWriter<SpecificRecord> avroAs(String principal) {
        AvroKafkaSerializer<SpecificRecord> values = new AvroKafkaSerializer<>();
        values.configure(ContractSchemas.serdeConfig(BackboneInfrastructure.registry().url() + "/apis/registry/v2",
                true), false);
        return new TopicWriter<>(principal, values);
    }

    /** Bytes as given: to send what no schema describes. */
    public static TopicWriter<byte[]> rawAs(String principal) {
        return new TopicWriter<>(principal, new ByteArraySerializer());
    }

    /** Sends and waits for the broker's acknowledgement; a refusal (an ACL, say) is thrown. */
    public RecordMetadata send(String topic, String key, V value) throws Exception {
        return producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        producer.close();
    }
}
