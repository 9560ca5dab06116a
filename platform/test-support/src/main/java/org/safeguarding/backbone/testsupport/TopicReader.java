package org.safeguarding.backbone.testsupport;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.avro.generic.IndexedRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.messaging.registry.ContractSchemas;

/**
 * Reads a test's topics from the beginning, as an outside consumer would: Avro records decoded through the
 * registry, or the raw bytes on the wire.
 */
public final class TopicReader<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();
    private SealedRecords opening;

    private TopicReader(Deserializer<V> values, List<String> topics) {
        this(values, topics, LocalKafkaBroker.ADMIN, "test-reader-");
    }

    /** Reads as {@code principal}, in a consumer group named {@code groupPrefix} and a random suffix. */
    private TopicReader(Deserializer<V> values, List<String> topics, String principal, String groupPrefix) {
        Map<String, Object> config = new HashMap<>(BackboneInfrastructure.kafkaClient(principal));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, groupPrefix + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
        consumer.subscribe(topics);
    }

    /** Decodes values with the registry, into the generated classes. */
    public static <T> TopicReader<T> avro(String... topics) {
        return new TopicReader<>(avroValues(), List.of(topics));
    }

    /** Reads as an agency's system would: authenticated as {@code agency}, in a consumer group of its own. */
    public static <T> TopicReader<T> avroAs(String agency, String... topics) {
        return new TopicReader<>(avroValues(), List.of(topics), agency, agency + ".test-reader-");
    }

    private static <T> AvroKafkaDeserializer<T> avroValues() {
        AvroKafkaDeserializer<T> values = new AvroKafkaDeserializer<>();
        values.configure(ContractSchemas.serdeConfig(BackboneInfrastructure.registry().url() + "/apis/registry/v2",
                false), false);
        return values;
    }

    /** The bytes as they are on the wire. */
    public static TopicReader<byte[]> raw(String... topics) {
        return new TopicReader<>(new ByteArrayDeserializer(), List.of(topics));
    }

    /** The bytes as they are on the wire, read as an agency's system would. */
    public static TopicReader<byte[]> rawAs(String agency, String... topics) {
        return new TopicReader<>(new ByteArrayDeserializer(), List.of(topics), agency, agency + ".test-reader-");
    }

    /**
     * Opens the personal fields of each record read (sealed under the child's key on the services' topics) as the
     * backbone's own consumers do: for a test about what the record says rather than how it travels. A record sealed
     * under a key store other than {@code sealed}'s (another test context's) is left sealed.
     */
    public TopicReader<V> opening(SealedRecords sealed) {
        this.opening = sealed;
        return this;
    }

    private void poll() {
        for (ConsumerRecord<String, V> record : consumer.poll(Duration.ofMillis(250))) {
            if (opening != null && record.value() instanceof IndexedRecord value) {
                try {
                    opening.open(value);
                } catch (Sealing.UnknownKey e) {
                    // sealed by another test's service, on another key store, earlier on the same topic: not this
                    // test's record, left as it is
                }
            }
            seen.add(record);
        }
    }

    /** Polls until {@code count} records read so far match, or {@code timeout} passes; returns the matches. */
    public List<ConsumerRecord<String, V>> await(Predicate<ConsumerRecord<String, V>> match, int count,
                                                 Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<ConsumerRecord<String, V>> matching = matching(match);
        while (matching.size() < count && System.nanoTime() < deadline) {
            poll();
            matching = matching(match);
        }
        return matching;
    }

    /** Polls for {@code quiet} and returns everything read so far that matches: to show nothing more arrived. */
    public List<ConsumerRecord<String, V>> settle(Predicate<ConsumerRecord<String, V>> match, Duration quiet) {
        long deadline = System.nanoTime() + quiet.toNanos();
        while (System.nanoTime() < deadline) {
            poll();
        }
        return matching(match);
    }

    private List<ConsumerRecord<String, V>> matching(Predicate<ConsumerRecord<String, V>> match) {
        return seen.stream().filter(match).toList();
    }

    @Override
    public void close() {
        consumer.close();
    }
}
