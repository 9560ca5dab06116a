package org.safeguarding.backbone.messaging;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.publish.KafkaIntegrationPublisher;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * For the event-sourced (Axon) services: correlation metadata flows from commands to events, and the events a
 * service maps for the outside world are published to Kafka at least once.
 */
@AutoConfiguration
@ConditionalOnClass(EventProcessingConfigurer.class)
public class EventStoreAutoConfiguration {

    /** Replaces Axon's MessageOriginProvider: we carry our own correlation and causation ids (see Correlation). */
    @Bean
    CorrelationDataProvider backboneCorrelation() {
        return new SimpleCorrelationDataProvider(Correlation.CORRELATION_ID, Correlation.CAUSATION_ID);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(IntegrationEventMapper.class)
    static class Publishing {

        @Bean
        KafkaIntegrationPublisher kafkaIntegrationPublisher(KafkaTemplate<String, SpecificRecord> kafka,
                                                            List<IntegrationEventMapper> mappers) {
            return new KafkaIntegrationPublisher(kafka, mappers);
        }

        /** Axon's default would log a failed publication and skip the event: it would never reach Kafka. */
        @Autowired
        void publishAtLeastOnce(EventProcessingConfigurer processing) {
            processing.registerTrackingEventProcessor(KafkaIntegrationPublisher.PROCESSING_GROUP);
            processing.registerListenerInvocationErrorHandler(KafkaIntegrationPublisher.PROCESSING_GROUP,
                    configuration -> PropagatingErrorHandler.instance());
        }
    }
}
