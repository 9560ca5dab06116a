package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;

/**
 * {@code ./run replay-dead-letters TOPIC}: once the cause is fixed, sends the records of TOPIC's dead-letter topic back
 * to the topic they came from, byte for byte with their key and headers (less the dead-letter headers; plus
 * {@value #REPLAYED_FROM}, where each came from), so every consumer of the topic tries them again. Consumers act
 * once on an event whatever redelivers it, so a record some of them had already acted on changes nothing there. The
 * dead-letter topic is read as the consumer group {@value #GROUP}: a second run sends only what was dead-lettered
 * since the first. Locally it connects to the embedded broker as its super user; elsewhere {@code --bootstrap=} and
 * {@code --config=} (a Kafka client properties file with an operator's credentials). {@code --dry-run} counts and
 * sends nothing.
 */
final class ReplayDeadLettersCommand {

    static final String GROUP = "backbone-dead-letter-replay";
    static final String REPLAYED_FROM = "backbone-replayed-from";
    /** Spring Kafka's dead-letter headers, e.g. {@code kafka_dlt-original-topic}, {@code kafka_dlt-exception-message}. */
    static final String DEAD_LETTER_HEADERS = "kafka_dlt-";

    private ReplayDeadLettersCommand() {
    }

    /** Runs the command; returns the process's exit code (0: replayed, or nothing to replay). */
    static int run(String[] args, PrintStream out, PrintStream err) {
        String topic = null;
        String bootstrap = "127.0.0.1:19092";
        Path config = null;
        boolean dryRun = false;
        for (int i = 1; i < args.length; i++) {
            if (args[i].startsWith("--bootstrap=")) {
                bootstrap = args[i].substring("--bootstrap=".length());
            } else if (args[i].startsWith("--config=")) {
                config = Path.of(args[i].substring("--config=".length()));
            } else if (args[i].equals("--dry-run")) {
                dryRun = true;
            } else if (topic == null && !args[i].startsWith("--")) {
                topic = args[i];
            } else {
                err.println("unknown option " + args[i] + " (try --help)");
                return 2;
            }
        }
        if (topic == null) {
            err.println("Name the topic whose dead letters to replay, e.g. ./run replay-dead-letters "
                    + Topics.REFERRALS);
            return 2;
        }
        String deadLetters = topic.endsWith(Topics.DEAD_LETTER_SUFFIX) ? topic : topic + Topics.DEAD_LETTER_SUFFIX;
        String original = deadLetters.substring(0, deadLetters.length() - Topics.DEAD_LETTER_SUFFIX.length());
        Map<String, Object> client = new HashMap<>();
        try {
            client.putAll(config == null ? LocalKafkaBroker.saslConfig(LocalKafkaBroker.ADMIN) : properties(config));
        } catch (IOException e) {
            err.println("Could not read the client configuration " + config + ": " + e.getMessage());
            return 2;
        }
        client.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try {
            return replay(client, deadLetters, original, dryRun, out, err);
        } catch (org.apache.kafka.common.KafkaException e) {
            err.println("Could not replay " + deadLetters + " (is the broker at " + bootstrap + " running?): "
                    + e.getMessage());
            return 1;
        }
    }

    private static Map<String, Object> properties(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        Map<String, Object> map = new HashMap<>();
        properties.forEach((key, value) -> map.put(key.toString(), value));
        return map;
    }

    private static int replay(Map<String, Object> client, String deadLetters, String original, boolean dryRun,
                              PrintStream out, PrintStream err) {
        Map<String, Object> consumerConfig = new HashMap<>(client);
        consumerConfig.put(ConsumerConfig.GROUP_ID_CONFIG, GROUP);
        consumerConfig.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        consumerConfig.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        consumerConfig.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumerConfig.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        Map<String, Object> producerConfig = new HashMap<>(client);
        producerConfig.put(ProducerConfig.ACKS_CONFIG, "all");
        producerConfig.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        producerConfig.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15_000);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerConfig, new ByteArrayDeserializer(),
                new ByteArrayDeserializer());
             KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(producerConfig, new ByteArraySerializer(),
                     new ByteArraySerializer())) {
            List<PartitionInfo> partitions = consumer.partitionsFor(deadLetters, Duration.ofSeconds(15));
            if (partitions == null || partitions.isEmpty()) {
                err.println("There is no topic " + deadLetters + ".");
                return 1;
            }
            List<TopicPartition> assigned = partitions.stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(assigned);
            // what is there now: dead letters arriving while this runs wait for the next run
            Map<TopicPartition, Long> end = consumer.endOffsets(assigned);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            Map<String, Integer> byReason = new TreeMap<>();
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            int count = 0;
            while (assigned.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() >= end.get(partition)) {
                        continue;
                    }
                    count++;
                    byReason.merge(header(record, DEAD_LETTER_HEADERS + "exception-fqcn", "(no reason given)"), 1,
                            Integer::sum);
                    if (!dryRun) {
                        sent.add(producer.send(backTo(record, original)));
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                }
            }
            if (dryRun) {
                out.println(count + " dead letters in " + deadLetters + " would be replayed to " + original
                        + (byReason.isEmpty() ? "." : ", by reason: " + byReason + "."));
                return 0;
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledgement : sent) {
                acknowledgement.get(30, TimeUnit.SECONDS);
            }
            // only once the broker has every record back on its topic
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
            out.println("Replayed " + count + " dead letters from " + deadLetters + " to " + original
                    + (byReason.isEmpty() ? "." : " (by reason: " + byReason + ")."));
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Interrupted; nothing after the last acknowledged record is marked replayed.");
            return 1;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            err.println("A record could not be sent back to " + original + " (" + e.getMessage() + "); none is "
                    + "marked replayed, so running the command again sends them all again, which consumers ignore "
                    + "where they had acted.");
            return 1;
        }
    }

    /** The record as it was sent: the same key, bytes and headers, to the topic it came from. */
    static ProducerRecord<byte[], byte[]> backTo(ConsumerRecord<byte[], byte[]> deadLetter, String fallbackTopic) {
        String topic = header(deadLetter, DEAD_LETTER_HEADERS + "original-topic", fallbackTopic);
        RecordHeaders headers = new RecordHeaders();
        for (Header header : deadLetter.headers()) {
            if (!header.key().startsWith(DEAD_LETTER_HEADERS)) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM, (deadLetter.topic() + "-" + deadLetter.partition() + "@" + deadLetter.offset())
                .getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(topic, null, deadLetter.key(), deadLetter.value(), headers);
    }

    private static String header(ConsumerRecord<byte[], byte[]> record, String key, String otherwise) {
        Header header = record.headers().lastHeader(key);
        return header == null ? otherwise : new String(header.value(), StandardCharsets.UTF_8);
    }
}
