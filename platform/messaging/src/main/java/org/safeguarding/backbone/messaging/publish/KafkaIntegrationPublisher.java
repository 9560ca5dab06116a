package org.safeguarding.backbone.messaging.publish;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.safeguarding.backbone.kernel.durability.DurableCommits;
import org.safeguarding.backbone.messaging.tracing.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a service's stored events to Kafka, from a tracking event processor reading the event store: the
 * processor's position only moves on once the broker has acknowledged the record (acks=all), and a failure stops
 * the processor and retries (PropagatingErrorHandler) instead of skipping. Delivery is therefore at least once,
 * in event-store order; consumers deduplicate on the envelope's event id.
 *
 * <p>An event it keeps failing on is reported ({@link PublisherFailures}); one an operator has parked because it can
 * never be published ({@link ParkedEvents}) is skipped, and waits to be republished.
 */
@ProcessingGroup(KafkaIntegrationPublisher.PROCESSING_GROUP)
public class KafkaIntegrationPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaIntegrationPublisher.class);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final List<IntegrationEventMapper> mappers;
    private final PublisherFailures failures;
    private final ParkedEvents parked;
    private final DurableCommits durable;
    private TraceContext traces;
    private volatile Consumer<SpecificRecord> published = record -> { };

    /** The unit of work's resource saying its events were made durable once already. */
    private static final String DURABLE = KafkaIntegrationPublisher.class.getName() + ".durable";

    public KafkaIntegrationPublisher(KafkaTemplate<String, SpecificRecord> kafka, List<IntegrationEventMapper> mappers,
                                     PublisherFailures failures, ParkedEvents parked) {
        this(kafka, mappers, failures, parked, DurableCommits.AT_COMMIT);
    }

    /** @param durable made to wait before an event goes out, so no event is on Kafka that its store could lose */
    public KafkaIntegrationPublisher(KafkaTemplate<String, SpecificRecord> kafka, List<IntegrationEventMapper> mappers,
                                     PublisherFailures failures, ParkedEvents parked, DurableCommits durable) {
        this.kafka = kafka;
        this.mappers = mappers;
        this.failures = failures;
        this.parked = parked;
        this.durable = durable;
    }

    @EventHandler
    public void on(Object payload, EventMessage<?> message)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            publish(message);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (parked.isParked(message.getIdentifier())) {
                LOG.warn("Skipping event {} ({}): an operator parked it; it is not on Kafka until republished.",
                        message.getIdentifier(), message.getPayloadType().getName());
                failures.succeeded(message);
                return;
            }
            failures.failed(message, e);
            throw e;
        }
        failures.succeeded(message);
    }

    /**
     * The events this processor read are committed, but an H2 file store may not have written them yet: once per
     * batch (unit of work), before the first goes out, wait until it has.
     */
    private void storedDurably() {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().root().getOrComputeResource(DURABLE, key -> {
                durable.awaitDurable();
                return Boolean.TRUE;
            });
        } else {
            durable.awaitDurable();
        }
    }

    /**
     * Maps the event for the outside world and waits until the broker has it; nothing when no mapper knows it. The
     * record is sent in the trace the event was stored in ({@link TraceContext}), where the service traces.
     */
    void publish(EventMessage<?> message) throws ExecutionException, InterruptedException, TimeoutException {
        for (IntegrationEventMapper mapper : mappers) {
            Optional<IntegrationEvent> mapped = mapper.map(message);
            if (mapped.isPresent()) {
                IntegrationEvent event = mapped.get();
                storedDurably();
                ProducerRecord<String, SpecificRecord> record =
                        new ProducerRecord<>(event.topic(), event.childId(), event.value());
                if (traces == null) {
                    kafka.send(record).get(30, TimeUnit.SECONDS);
                } else {
                    sendContinuing(message, record);
                }
                published.accept(record.value());
            }
        }
    }

    private void sendContinuing(EventMessage<?> message, ProducerRecord<String, SpecificRecord> record)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            traces.continuing(message, "publish " + record.value().getSchema().getName(),
                    () -> kafka.send(record).get(30, TimeUnit.SECONDS));
        } catch (ExecutionException | InterruptedException | TimeoutException | RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Told of each record once the broker has acknowledged it (the metrics count the overdue acts). */
    public void onPublished(Consumer<SpecificRecord> listener) {
        this.published = listener;
    }

    /** Sends each record in the trace its event was stored in. */
    public void tracedBy(TraceContext traces) {
        this.traces = traces;
    }
}
