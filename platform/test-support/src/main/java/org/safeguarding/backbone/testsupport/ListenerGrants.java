package org.safeguarding.backbone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.safeguarding.backbone.localinfra.KafkaAccess;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.MessageListenerContainer;

/**
 * Every Kafka listener a service runs reads only topics the access plan lets it read ({@link KafkaAccess}), in a
 * consumer group named after the service: on a broker that enforces the plan (./run, production) a listener outside
 * it is refused and stops, which a test broker that does not enforce it would never show.
 */
public final class ListenerGrants {

    private ListenerGrants() {
    }

    /** @return how many listeners were checked */
    public static int holdFor(KafkaListenerEndpointRegistry listeners, String service) {
        int checked = 0;
        for (MessageListenerContainer container : listeners.getAllListenerContainers()) {
            String[] topics = container.getContainerProperties().getTopics();
            if (topics != null) {
                assertThat(Arrays.asList(topics)).as("topics of listener " + container.getListenerId()
                                + ": grant them in KafkaAccess, or read what is granted")
                        .allMatch(KafkaAccess.readsOf(service)::contains);
            }
            assertThat(container.getGroupId()).as("consumer group of listener " + container.getListenerId())
                    .startsWith(service);
            checked++;
        }
        return checked;
    }
}
