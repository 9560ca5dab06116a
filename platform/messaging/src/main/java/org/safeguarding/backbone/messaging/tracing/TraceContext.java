package org.safeguarding.backbone.messaging.tracing;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.correlation.CorrelationDataProvider;

/**
 * The trace a stored event belongs to, across the event store. An act's events are stored in the thread that handled
 * its request (an HTTP call, a Kafka record), whose span is current; the publisher sends them later, from another
 * thread. So the W3C trace context of the current span goes into each event's metadata when it is stored
 * ({@link #correlationDataFor}, an Axon correlation data provider), and the publisher sends the event inside a span
 * continuing it ({@link #continuing}): the Kafka record then carries the same trace in its {@code traceparent}
 * header, and the consumers continue it. One share is followed from its POST to the chronology and the feeds.
 * Trace ids only: nothing of the act itself.
 */
public final class TraceContext implements CorrelationDataProvider {

    private final Tracer tracer;
    private final Propagator propagator;

    public TraceContext(Tracer tracer, Propagator propagator) {
        this.tracer = tracer;
        this.propagator = propagator;
    }

    /** The current span's trace context, in W3C form ({@code traceparent}), for the events being stored. */
    @Override
    public Map<String, ?> correlationDataFor(Message<?> message) {
        Span current = tracer.currentSpan();
        if (current == null) {
            return Map.of();
        }
        Map<String, String> context = new HashMap<>();
        propagator.inject(current.context(), context, Map::put);
        return context;
    }

    /** Runs {@code send} in a span continuing the trace {@code event} was stored in (a new trace when it has none). */
    public <T> T continuing(EventMessage<?> event, String name, Callable<T> send) throws Exception {
        Span span = propagator.extract(event.getMetaData(), (metadata, key) -> {
            Object value = metadata.get(key);
            return value == null ? null : value.toString();
        }).name(name).kind(Span.Kind.PRODUCER).start();
        try (Tracer.SpanInScope ignored = tracer.withSpan(span)) {
            return send.call();
        } catch (Exception | Error e) {
            span.error(e);
            throw e;
        } finally {
            span.end();
        }
    }
}
