package org.safeguarding.backbone.messaging.publish;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a service's stored events to Kafka, from a tracking event processor reading the event store: the
 * processor's position only moves on once the broker has acknowledged the record (acks=all), and a failure stops
 * the processor and retries (PropagatingErrorHandler) instead of skipping. Delivery is therefore at least once,
 * in event-store order; consumers deduplicate on the envelope's event id.
 */
@ProcessingGroup(KafkaIntegrationPublisher.PROCESSING_GROUP)
public class KafkaIntegrationPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final List<IntegrationEventMapper> mappers;

    public KafkaIntegrationPublisher(KafkaTemplate<String, SpecificRecord> kafka, List<IntegrationEventMapper> mappers) {
        this.kafka = kafka;
        this.mappers = mappers;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message)
            throws ExecutionException, InterruptedException, TimeoutException {
        for (IntegrationEventMapper mapper : mappers) {
            Optional<IntegrationEvent> mapped = mapper.map(message);
            if (mapped.isPresent()) {
                IntegrationEvent event = mapped.get();
                kafka.send(new ProducerRecord<>(event.topic(), event.childId(), event.value()))
                        .get(30, TimeUnit.SECONDS);
            }
        }
    }
}
