package org.safeguarding.backbone.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.durability.DurableCommits;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/** A consumer commits its offset past a record only once what it did with the record is durable. */
class OffsetsOnceDurableTest {

    private static ConcurrentMessageListenerContainer<Object, Object> container() {
        return new ConcurrentMessageListenerContainer<>(new DefaultKafkaConsumerFactory<>(Map.of()),
                new ContainerProperties("a-topic"));
    }

    @Test
    void eachOffsetCommitted_waitsForTheStoreFirst() {
        AtomicInteger waits = new AtomicInteger();
        ConcurrentMessageListenerContainer<Object, Object> container = container();
        new MessagingAutoConfiguration().offsetsOnceDurable(waits::incrementAndGet).configure(container);

        var provider = container.getContainerProperties().getOffsetAndMetadataProvider();
        assertThat(provider).isNotNull();
        assertThat(provider.provide(null, 42).offset()).isEqualTo(42);
        assertThat(waits).hasValue(1);
    }

    @Test
    void aStoreDurableAtEachCommit_changesNothing() {
        ConcurrentMessageListenerContainer<Object, Object> container = container();
        new MessagingAutoConfiguration().offsetsOnceDurable(DurableCommits.AT_COMMIT).configure(container);
        assertThat(container.getContainerProperties().getOffsetAndMetadataProvider()).isNull();
    }
}
