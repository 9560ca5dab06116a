package org.safeguarding.backbone.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.config.EventProcessingConfigurer;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.TrackingEventProcessorConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.Serializer;
import org.safeguarding.backbone.kernel.agency.ActingPractitioner;
import org.safeguarding.backbone.kernel.durability.DurableCommits;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.publish.KafkaIntegrationPublisher;
import org.safeguarding.backbone.messaging.publish.OverdueActs;
import org.safeguarding.backbone.messaging.publish.ParkedEvents;
import org.safeguarding.backbone.messaging.publish.PublisherFailures;
import org.safeguarding.backbone.messaging.publish.PublisherLag;
import org.safeguarding.backbone.messaging.publish.PublisherOperations;
import org.safeguarding.backbone.messaging.store.PinnedNameSerializer;
import org.safeguarding.backbone.messaging.childkeys.SealingSerializer;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.safeguarding.backbone.messaging.tracing.TraceContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * For the event-sourced (Axon) services: events are stored under their pinned names, correlation metadata flows
 * from commands to events, and the events a service maps for the outside world are published to Kafka at least
 * once.
 */
@AutoConfiguration
@ConditionalOnClass(EventProcessingConfigurer.class)
public class EventStoreAutoConfiguration {

    static {
        // The event store keeps an event's time to the millisecond: an event carries the time the store will give
        // back, so a view kept as events happen and one rebuilt from the store (ADR 0012) agree to the last digit.
        GenericEventMessage.clock = Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** Replaces Axon's MessageOriginProvider: we carry our own correlation and causation ids (see Correlation). */
    @Bean
    CorrelationDataProvider backboneCorrelation() {
        return new SimpleCorrelationDataProvider(Correlation.CORRELATION_ID, Correlation.CAUSATION_ID);
    }

    /**
     * The practitioner travels from a command to the events it causes, and no further: a command a process sends on
     * seeing an event is the backbone acting, not the practitioner whose act the process saw.
     */
    @Bean
    CorrelationDataProvider practitionerOfTheCommand() {
        return message -> message instanceof CommandMessage<?> && message.getMetaData()
                .containsKey(ActingPractitioner.METADATA)
                ? Map.of(ActingPractitioner.METADATA, message.getMetaData().get(ActingPractitioner.METADATA))
                : Map.of();
    }

    /** Every command sent while a practitioner acts (an HTTP request whose token names one) records who. */
    @Bean
    SmartInitializingSingleton recordThePractitioner(ObjectProvider<CommandBus> commands) {
        return () -> commands.ifAvailable(bus -> bus.registerDispatchInterceptor(
                messages -> (index, command) -> withThePractitioner(command)));
    }

    static CommandMessage<?> withThePractitioner(CommandMessage<?> command) {
        Optional<String> acting = ActingPractitioner.current();
        boolean sentByAProcess = CurrentUnitOfWork.isStarted()
                && CurrentUnitOfWork.get().getMessage() instanceof EventMessage<?>;
        if (acting.isEmpty() || sentByAProcess || command.getMetaData().containsKey(ActingPractitioner.METADATA)) {
            return command;
        }
        return command.andMetaData(Map.of(ActingPractitioner.METADATA, acting.get()));
    }

    /**
     * A view kept in the same transaction as the events (a subscribing processor) fails the call when its handler
     * fails, so the events are not stored without it and the caller is told; Axon's default would log the error
     * and carry on, leaving the view behind the store for ever. A tracking processor stops at the event and tries
     * it again, rather than skipping it.
     */
    @Autowired
    void viewsDoNotSwallowErrors(EventProcessingConfigurer processing) {
        processing.registerDefaultListenerInvocationErrorHandler(configuration -> PropagatingErrorHandler.instance());
    }

    /** The bean Axon reads and writes stored events with (AxonAutoConfiguration). */
    static final String EVENT_SERIALIZER = "eventSerializer";

    /**
     * Axon's event serializer, recording each event under the name the service pins for it ({@link StoredEventNames})
     * rather than its class name, so code can move without orphaning stored events, and sealing each event's personal
     * text under its child's key ({@link SealingSerializer}).
     */
    @Bean
    static BeanPostProcessor pinStoredEventNames(ObjectProvider<StoredEventNames> names,
                                                 ObjectProvider<Sealing> sealing) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (!EVENT_SERIALIZER.equals(beanName) || !(bean instanceof Serializer serializer)
                        || bean instanceof PinnedNameSerializer || bean instanceof SealingSerializer) {
                    return bean;
                }
                // personal text sealed under each child's key before it is stored (R18), when the keys are on
                Sealing seals = sealing.getIfAvailable();
                Serializer stored = seals == null ? serializer : new SealingSerializer(serializer, seals);
                List<StoredEventNames> tables = names.orderedStream().toList();
                return tables.isEmpty() ? stored
                        : new PinnedNameSerializer(stored, StoredEventNames.combined(tables));
            }
        };
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnBean(IntegrationEventMapper.class)
    static class Publishing {

        @Bean
        PublisherFailures publisherFailures() {
            return new PublisherFailures(Clock.systemUTC());
        }

        @Bean
        ParkedEvents parkedEvents(JdbcTemplate jdbc) {
            return new ParkedEvents(jdbc);
        }

        @Bean
        KafkaIntegrationPublisher kafkaIntegrationPublisher(KafkaTemplate<String, SpecificRecord> kafka,
                                                            List<IntegrationEventMapper> mappers,
                                                            PublisherFailures failures, ParkedEvents parked,
                                                            DurableCommits durable,
                                                            ObjectProvider<TraceContext> traces,
                                                            SealedRecords sealed) {
            KafkaIntegrationPublisher publisher = new KafkaIntegrationPublisher(kafka, mappers, failures, parked,
                    durable);
            traces.ifAvailable(publisher::tracedBy);
            // not optional: a service that stores events has a key store, and the topics keep records for 25 years
            publisher.sealedBy(sealed);
            return publisher;
        }

        /** The operator's hold on the publisher ({@code /operator/publisher}, docs/reliability.md). */
        @Bean
        PublisherOperations publisherOperations(PublisherFailures failures, ParkedEvents parked,
                                                KafkaIntegrationPublisher publisher, EventStore events,
                                                PlatformTransactionManager transactions) {
            return new PublisherOperations(failures, parked, publisher, events,
                    new TransactionTemplate(transactions), Clock.systemUTC());
        }

        /** How long the publisher has been stuck on one event, and how many events are parked, off Kafka. */
        @Configuration(proxyBeanMethods = false)
        @ConditionalOnClass(MeterRegistry.class)
        static class PublisherMetrics {

            @Bean
            MeterBinder publisherMetrics(PublisherFailures failures, ParkedEvents parked,
                                         EventProcessingConfiguration processing, EventStore events,
                                         KafkaIntegrationPublisher publisher) {
                PublisherLag lag = new PublisherLag(processing, events);
                return registry -> {
                    publisher.onPublished(new OverdueActs(registry));
                    Gauge.builder("backbone.publisher.lag", lag, PublisherLag::positionsBehind)
                            .description("Positions of the event store the publisher has not yet put on Kafka")
                            .register(registry);
                    Gauge.builder("backbone.publisher.stuck", failures, f -> f.stuckFor().toSeconds())
                            .description("How long the publisher has been failing on one event: nothing after it "
                                    + "reaches Kafka").baseUnit("seconds").register(registry);
                    Gauge.builder("backbone.publisher.parked", parked, ParkedEvents::waiting)
                            .description("Events parked by an operator and not yet republished: not on Kafka")
                            .register(registry);
                };
            }
        }

        /** The most stored events the publisher takes at a time. */
        static final int PUBLISHER_BATCH = 100;

        /**
         * Axon's default would log a failed publication and skip the event: it would never reach Kafka. The
         * processor takes up to {@value #PUBLISHER_BATCH} stored events at a time (those already in the store: one
         * when they come one by one), and waits for the broker once for them all (KafkaIntegrationPublisher).
         */
        @Autowired
        void publishAtLeastOnce(EventProcessingConfigurer processing) {
            processing.registerTrackingEventProcessorConfiguration(KafkaIntegrationPublisher.PROCESSING_GROUP,
                    configuration -> TrackingEventProcessorConfiguration.forSingleThreadedProcessing()
                            .andBatchSize(PUBLISHER_BATCH));
            processing.registerTrackingEventProcessor(KafkaIntegrationPublisher.PROCESSING_GROUP);
            processing.registerListenerInvocationErrorHandler(KafkaIntegrationPublisher.PROCESSING_GROUP,
                    configuration -> PropagatingErrorHandler.instance());
        }
    }
}
