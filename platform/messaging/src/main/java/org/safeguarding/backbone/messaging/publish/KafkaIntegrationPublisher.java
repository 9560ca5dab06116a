package org.safeguarding.backbone.messaging.publish;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.safeguarding.backbone.kernel.durability.DurableCommits;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.messaging.tracing.TraceContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * Publishes a service's stored events to Kafka, from a tracking event processor reading the event store: the
 * processor's position only moves on once the broker has acknowledged the records (acks=all), and a failure stops
 * the processor and retries (PropagatingErrorHandler) instead of skipping. Delivery is therefore at least once,
 * in event-store order; consumers deduplicate on the envelope's event id.
 *
 * <p>The processor hands over a batch of events at a time (those already stored, up to its batch size): each is sent
 * as it comes, and the batch waits for every acknowledgement once, before the processor's position moves past it
 * (issue 11: one wait a batch, not one an event). One producer sends them in order, idempotent, so the records of a
 * child (one partition) are written in the order sent. A send that fails at once (a record that cannot be encoded,
 * say) stops the batch there: nothing after it is sent. A record the broker refuses fails the batch when it waits,
 * and the whole batch is sent again from its first event; records after the refused one that were written meanwhile
 * are written again (the same event ids, which consumers deduplicate).
 *
 * <p>The personal fields of each record are sealed under the child's key before it is sent ({@link SealedRecords},
 * where the service seals: {@link #sealedBy}), so the services' topics keep nothing an erasure does not reach.
 *
 * <p>An event it keeps failing on is reported ({@link PublisherFailures}); one an operator has parked because it can
 * never be published ({@link ParkedEvents}) is skipped, and waits to be republished.
 */
@ProcessingGroup(KafkaIntegrationPublisher.PROCESSING_GROUP)
public class KafkaIntegrationPublisher {

    public static final String PROCESSING_GROUP = "integration-publisher";

    /** How long a batch waits for the broker's acknowledgements before it fails and is sent again. */
    static final Duration ACKNOWLEDGED_WITHIN = Duration.ofSeconds(30);

    private static final Logger LOG = LoggerFactory.getLogger(KafkaIntegrationPublisher.class);

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final List<IntegrationEventMapper> mappers;
    private final PublisherFailures failures;
    private final ParkedEvents parked;
    private final DurableCommits durable;
    private TraceContext traces;
    private SealedRecords sealed;
    private volatile Consumer<SpecificRecord> published = record -> { };

    /** The unit of work's resource saying its events were made durable once already. */
    private static final String DURABLE = KafkaIntegrationPublisher.class.getName() + ".durable";
    /** The unit of work's resource holding what was sent in it and not yet acknowledged. */
    private static final String SENT = KafkaIntegrationPublisher.class.getName() + ".sent";

    /** A record sent for a stored event, and the broker's answer to come. */
    private record Sent(EventMessage<?> event, SpecificRecord value, CompletableFuture<?> acknowledged) {
    }

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

    /**
     * Sends the event's record; in a unit of work (the processor's batch) its acknowledgement is awaited with the
     * rest of the batch's, when the batch commits; otherwise here.
     */
    @EventHandler
    public void on(Object payload, EventMessage<?> message)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<Sent> sent;
        try {
            sent = send(message);
        } catch (ExecutionException | TimeoutException | RuntimeException e) {
            if (skippedAsParked(message, e)) {
                return;
            }
            throw e;
        }
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> batch = CurrentUnitOfWork.get().root();
            List<Sent> waiting = batch.getOrComputeResource(SENT, key -> {
                List<Sent> list = new ArrayList<>();
                batch.onPrepareCommit(committing -> awaitAcknowledgedAsBatchCommits(list));
                return list;
            });
            waiting.addAll(sent);
        } else {
            awaitAcknowledged(sent);
        }
    }

    /**
     * Waits (once, {@link #ACKNOWLEDGED_WITHIN} in all) until the broker has acknowledged every record sent; throws on
     * the first that failed, unless an operator parked its event.
     */
    private void awaitAcknowledged(List<Sent> sent)
            throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + ACKNOWLEDGED_WITHIN.toNanos();
        for (Sent one : sent) {
            try {
                one.acknowledged().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (ExecutionException | TimeoutException e) {
                if (skippedAsParked(one.event(), e)) {
                    continue;
                }
                throw e;
            }
            failures.succeeded(one.event());
            published.accept(one.value());
        }
    }

    /** As the batch commits: every acknowledgement, or the batch fails (and the processor sends it again). */
    private void awaitAcknowledgedAsBatchCommits(List<Sent> sent) {
        try {
            awaitAcknowledged(sent);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the broker to acknowledge", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("the broker did not acknowledge every record of the batch: "
                    + e.getMessage() + "; the batch is sent again", e);
        }
    }

    /** Whether an operator parked the event that failed (skipped, then); otherwise the failure is reported. */
    private boolean skippedAsParked(EventMessage<?> message, Exception e) {
        if (parked.isParked(message.getIdentifier())) {
            LOG.warn("Skipping event {} ({}): an operator parked it; it is not on Kafka until republished.",
                    message.getIdentifier(), message.getPayloadType().getName());
            failures.succeeded(message);
            return true;
        }
        failures.failed(message, e);
        return false;
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
     * Publishes one event (an operator republishing a parked one): returns once the broker has it, or throws why
     * not.
     */
    void publish(EventMessage<?> message) throws ExecutionException, InterruptedException, TimeoutException {
        long deadline = System.nanoTime() + ACKNOWLEDGED_WITHIN.toNanos();
        for (Sent one : send(message)) {
            one.acknowledged().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            published.accept(one.value());
        }
    }

    /**
     * Maps the event for the outside world and sends it; nothing when no mapper knows it. The record is sent in the
     * trace the event was stored in ({@link TraceContext}), where the service traces. What was sent, its
     * acknowledgement to come.
     */
    private List<Sent> send(EventMessage<?> message)
            throws ExecutionException, InterruptedException, TimeoutException {
        List<Sent> sent = new ArrayList<>(1);
        for (IntegrationEventMapper mapper : mappers) {
            Optional<IntegrationEvent> mapped = mapper.map(message);
            if (mapped.isPresent()) {
                IntegrationEvent event = mapped.get();
                storedDurably();
                SpecificRecord value = sealed == null ? event.value() : sealed.seal(event.childId(), event.value());
                ProducerRecord<String, SpecificRecord> record =
                        new ProducerRecord<>(event.topic(), event.childId(), value);
                CompletableFuture<?> acknowledged = traces == null ? kafka.send(record) : sendContinuing(message, record);
                if (acknowledged.isCompletedExceptionally()) {
                    // failed at once (it could not be encoded, or is too large): nothing after it is sent
                    acknowledged.get();
                }
                sent.add(new Sent(message, record.value(), acknowledged));
            }
        }
        return sent;
    }

    private CompletableFuture<?> sendContinuing(EventMessage<?> message, ProducerRecord<String, SpecificRecord> record)
            throws ExecutionException, InterruptedException, TimeoutException {
        try {
            return traces.continuing(message, "publish " + record.value().getSchema().getName(),
                    () -> kafka.send(record));
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

    /** Seals the personal fields of each record under its child's key before it is sent. */
    public void sealedBy(SealedRecords sealedRecords) {
        this.sealed = sealedRecords;
    }

    /** Sends each record in the trace its event was stored in. */
    public void tracedBy(TraceContext traces) {
        this.traces = traces;
    }
}
