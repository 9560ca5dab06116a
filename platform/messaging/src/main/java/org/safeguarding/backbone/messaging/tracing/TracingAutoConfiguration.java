package org.safeguarding.backbone.messaging.tracing;

import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/** Traces carried across the event store ({@link TraceContext}), where the service has a tracer. */
@AutoConfiguration(
        afterName = {
            "org.springframework.boot.micrometer.tracing.opentelemetry.autoconfigure.OpenTelemetryTracingAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.autoconfigure.NoopTracerAutoConfiguration"},
        beforeName = "org.safeguarding.backbone.messaging.EventStoreAutoConfiguration")
@ConditionalOnClass(Tracer.class)
public class TracingAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnBean({Tracer.class, Propagator.class})
    TraceContext traceContext(Tracer tracer, Propagator propagator) {
        return new TraceContext(tracer, propagator);
    }
}
