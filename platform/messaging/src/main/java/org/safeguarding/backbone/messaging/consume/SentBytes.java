package org.safeguarding.backbone.messaging.consume;

import java.util.Map;
import java.util.function.BiFunction;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * A dead letter is the record exactly as it was sent: its sender decodes it with what it encoded it with, whatever
 * the backbone's own registration of the type. The consumers' value deserializer ({@link Deserializer}) keeps the
 * bytes it was given beside the value it decoded (in a header of the consumed record, the same array, not a copy),
 * and the dead-letter recoverer ({@link Recoverer}) sends those bytes, never a re-encoding of the value.
 */
public final class SentBytes {

    /** The header holding a consumed record's value as sent. Internal: it never leaves in a dead letter. */
    public static final String HEADER = "backbone_value_as_sent";

    private SentBytes() {
    }

    /** The value as it was sent, or null when the record was not read through {@link Deserializer}. */
    public static byte[] of(ConsumerRecord<?, ?> record) {
        Header header = record.headers().lastHeader(HEADER);
        return header == null ? null : header.value();
    }

    /** Spring Kafka's {@link ErrorHandlingDeserializer}, keeping the bytes it decodes. */
    public static class Deserializer extends ErrorHandlingDeserializer<Object> {

        private boolean forKey;

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            this.forKey = isKey;
            super.configure(configs, isKey);
        }

        @Override
        public Object deserialize(String topic, Headers headers, byte[] data) {
            if (!forKey) {
                // a sender's own header of this name is not believed
                headers.remove(HEADER);
                if (data != null) {
                    headers.add(HEADER, data);
                }
            }
            return super.deserialize(topic, headers, data);
        }
    }

    /** Sends the value as sent to the dead-letter topic, with the reason in Spring Kafka's headers. */
    public static class Recoverer extends DeadLetterPublishingRecoverer {

        public Recoverer(KafkaOperations<?, ?> template,
                         BiFunction<ConsumerRecord<?, ?>, Exception, TopicPartition> destination) {
            super(template, destination);
        }

        @Override
        protected ProducerRecord<Object, Object> createProducerRecord(ConsumerRecord<?, ?> record,
                                                                      TopicPartition topicPartition, Headers headers,
                                                                      byte[] key, byte[] value) {
            byte[] sent = SentBytes.of(record);
            headers.remove(HEADER);
            return super.createProducerRecord(record, topicPartition, headers, key, sent != null ? sent : value);
        }
    }
}
