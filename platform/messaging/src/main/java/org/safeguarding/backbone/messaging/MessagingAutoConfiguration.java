package org.safeguarding.backbone.messaging;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.safeguarding.backbone.contracts.Contracts;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.kernel.durability.DurableCommits;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.safeguarding.backbone.messaging.audit.LeadAgencies;
import org.safeguarding.backbone.messaging.consume.ConsumerFailures;
import org.safeguarding.backbone.messaging.consume.ConsumerRetries;
import org.safeguarding.backbone.messaging.consume.ProcessedEvents;
import org.safeguarding.backbone.messaging.consume.SentBytes;
import org.safeguarding.backbone.messaging.persistence.H2FileCheckpoints;
import org.safeguarding.backbone.messaging.registry.ContractRegistration;
import org.safeguarding.backbone.messaging.registry.ContractSchemas;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaProducerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerPausingBackOffHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.ListenerContainerPauseService;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Every service's Kafka clients speak Avro through the schema registry, in the Confluent wire format (magic byte 0
 * and a 4-byte schema id), so any Confluent-compatible consumer elsewhere can read our topics. A record that cannot
 * be decoded, or that its listener declares unprocessable, goes to the topic's dead-letter topic with the reason in
 * its headers; anything else is tried again until it succeeds (see {@link #consumerErrorHandler}).
 */
@AutoConfiguration(afterName = "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration")
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** The package of the generated contract classes, which Avro may instantiate when it reads our events. */
    static final String CONTRACTS_PACKAGE = "org.safeguarding.backbone.contracts";

    static {
        trustContractPackages();
    }

    /**
     * Avro 1.12 refuses to instantiate classes outside the packages named in {@code org.apache.avro.SERIALIZABLE_PACKAGES};
     * set it (keeping anything already there) before the first record is read, so no launcher flag is needed.
     */
    static void trustContractPackages() {
        String property = "org.apache.avro.SERIALIZABLE_PACKAGES";
        String trusted = System.getProperty(property);
        if (trusted == null || trusted.isBlank()) {
            System.setProperty(property, CONTRACTS_PACKAGE);
        } else if (!java.util.Arrays.asList(trusted.split(",")).contains(CONTRACTS_PACKAGE)) {
            System.setProperty(property, trusted + "," + CONTRACTS_PACKAGE);
        }
    }

    /** Registry settings shared by serializers and deserializers (subjects and ids: {@link ContractSchemas}). */
    static Map<String, Object> registryConfig(MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>(properties.registryProperties());
        config.putAll(ContractSchemas.serdeConfig(properties.registryApiUrl(), properties.autoRegisterSchemas()));
        return config;
    }

    /** Every contract registered at start, where this service may register schemas (the embedded default). */
    @Bean
    @ConditionalOnMissingBean
    @ConditionalOnProperty(name = "backbone.messaging.auto-register-schemas", havingValue = "true",
            matchIfMissing = true)
    ContractRegistration contractRegistration(MessagingProperties properties) {
        return new ContractRegistration(() -> ContractSchemas.client(registryConfig(properties)),
                Contracts.records(), Duration.ofSeconds(1), Duration.ofMinutes(1));
    }

    /**
     * What this service committed is made durable before it is said outside ({@link DurableCommits}): a checkpoint
     * for the embedded default's H2 file store, at most one every {@code backbone.store.checkpoint-gap} (10 ms);
     * nothing to wait for on any other store.
     */
    @Bean
    @ConditionalOnMissingBean
    DurableCommits durableCommits(ObjectProvider<DataSource> dataSource,
                                  @Value("${spring.datasource.url:}") String url,
                                  @Value("${backbone.store.checkpoint-gap:PT0.01S}") Duration gap) {
        DataSource store = dataSource.getIfAvailable();
        return store != null && H2FileCheckpoints.isH2File(url) ? new H2FileCheckpoints(store, gap)
                : DurableCommits.AT_COMMIT;
    }

    /**
     * A consumer commits its offset past a record only once what it did with the record is durable: otherwise a
     * service killed after the offset moved, before its store wrote the commit, would never act on the record.
     */
    @Bean
    @ConditionalOnMissingBean
    ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> offsetsOnceDurable(
            DurableCommits commits) {
        return container -> {
            if (commits != DurableCommits.AT_COMMIT) {
                container.getContainerProperties().setOffsetAndMetadataProvider((listener, offset) -> {
                    commits.awaitDurable();
                    return new OffsetAndMetadata(offset);
                });
            }
        };
    }

    @Bean
    DefaultKafkaProducerFactoryCustomizer backboneAvroProducer(MessagingProperties properties) {
        return factory -> {
            Map<String, Object> config = registryConfig(properties);
            config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
            config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, AvroKafkaSerializer.class);
            // an acknowledgement means every replica has the record; retries never duplicate it
            config.put(ProducerConfig.ACKS_CONFIG, "all");
            config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
            factory.updateConfigs(config);
        };
    }

    @Bean
    DefaultKafkaConsumerFactoryCustomizer backboneAvroConsumer(MessagingProperties properties) {
        return factory -> {
            Map<String, Object> config = registryConfig(properties);
            config.put("key.deserializer", ErrorHandlingDeserializer.class);
            config.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);
            // decoded through the registry, keeping the bytes as sent for a dead letter
            config.put("value.deserializer", SentBytes.Deserializer.class);
            config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroKafkaDeserializer.class);
            config.put("auto.offset.reset", "earliest");
            config.put("enable.auto.commit", false);
            config.put("isolation.level", "read_committed");
            factory.updateConfigs(config);
        };
    }

    /**
     * Dead letters are the bytes as they were sent ({@link SentBytes}); only a record consumed without the backbone's
     * deserializer (a test's own container, say) would be encoded again. Not a bean: it would displace Boot's own
     * KafkaTemplate.
     */
    static KafkaTemplate<String, Object> deadLetterTemplate(KafkaProperties kafka, MessagingProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        // the factory configures the serializers again with these, so they carry the registry settings too
        config.putAll(registryConfig(properties));
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        AvroKafkaSerializer<SpecificRecord> avro = new AvroKafkaSerializer<>();
        avro.configure(registryConfig(properties), false);
        Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
        byType.put(byte[].class, new ByteArraySerializer());
        byType.put(SpecificRecord.class, avro);
        @SuppressWarnings({"unchecked", "rawtypes"})
        Serializer<Object> values = (Serializer) new DelegatingByTypeSerializer(byType, true);
        return new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(config, new StringSerializer(), values));
    }

    /**
     * A record its listener could not act on is tried again, the consumer paused between attempts (1 s, doubling to
     * {@code backbone.messaging.consumer-retry.max-pause}, default 1 min), until it succeeds, so an outage of the
     * database or the registry delays work and loses none. Only what can never succeed ({@link ConsumerFailures}) goes
     * to the topic's dead-letter topic, at once, with the reason in its headers.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler consumerErrorHandler(KafkaProperties kafka, MessagingProperties properties,
                                             ConsumerRetries retries,
                                             @Value("${backbone.messaging.consumer-retry.first-pause:PT1S}")
                                             Duration firstPause,
                                             @Value("${backbone.messaging.consumer-retry.max-pause:PT1M}")
                                             Duration maxPause) {
        DeadLetterPublishingRecoverer recoverer = new SentBytes.Recoverer(
                deadLetterTemplate(kafka, properties),
                (record, exception) -> new TopicPartition(record.topic() + Topics.DEAD_LETTER_SUFFIX, -1));
        ExponentialBackOff untilItSucceeds = new ExponentialBackOff(firstPause.toMillis(), 2.0);
        untilItSucceeds.setMaxInterval(maxPause.toMillis());
        // the pause is the consumer's, not a sleep in its poll loop: the broker keeps it in its group meanwhile
        ThreadPoolTaskScheduler resumer = new ThreadPoolTaskScheduler();
        resumer.setThreadNamePrefix("consumer-resume-");
        resumer.setDaemon(true);
        resumer.initialize();
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, untilItSucceeds,
                new ContainerPausingBackOffHandler(new ListenerContainerPauseService(null, resumer)));
        // the decision is ConsumerFailures', not Spring Kafka's own list (which dead-letters every record that
        // could not be decoded, even when only the registry was down)
        handler.setClassifications(Map.of(), true);
        handler.setBackOffFunction((record, exception) ->
                ConsumerFailures.canNeverSucceed(exception) ? new FixedBackOff(0L, 0L) : null);
        handler.setRetryListeners(retries);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    ConsumerRetries consumerRetries(@Value("${backbone.messaging.consumer-retry.max-pause:PT1M}") Duration maxPause) {
        return new ConsumerRetries(maxPause.multipliedBy(2), Clock.systemUTC());
    }

    /** The consumers' retries and dead letters as metrics, where the service has Micrometer. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(MeterRegistry.class)
    static class ConsumerMetrics {

        @Bean
        MeterBinder consumerRetryMetrics(ConsumerRetries retries) {
            return registry -> {
                Gauge.builder("backbone.consumer.records.retrying", retries, r -> r.retrying().size())
                        .description("Records a consumer is trying again: their partitions wait behind them")
                        .register(registry);
                Gauge.builder("backbone.consumer.records.retrying.longest", retries,
                                r -> r.longestFailing().toSeconds())
                        .description("How long the longest-failing record has been failing")
                        .baseUnit("seconds")
                        .register(registry);
                FunctionCounter.builder("backbone.consumer.dead.letters", retries, ConsumerRetries::deadLetters)
                        .description("Records sent to a dead-letter topic since the service started")
                        .register(registry);
            };
        }
    }

    /** Reads of a child's data, on the record before they are answered; {@code spring.application.name} names them. */
    @Bean
    @ConditionalOnMissingBean
    ChildDataReads childDataReads(KafkaTemplate<String, SpecificRecord> kafka,
                                  @Value("${spring.application.name}") String service,
                                  ObjectProvider<LeadAgencies> leads) {
        return new ChildDataReads(kafka, service, leads.getIfAvailable());
    }

    /** Who leads for each child, from the chronology: in the services that hold records about children. */
    @Bean
    @ConditionalOnProperty(name = "backbone.access.lead-agencies", havingValue = "true")
    @ConditionalOnMissingBean
    LeadAgencies leadAgencies(JdbcTemplate jdbc) {
        return new LeadAgencies(jdbc);
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcTemplate jdbc) {
        return new ProcessedEvents(jdbc);
    }
}
