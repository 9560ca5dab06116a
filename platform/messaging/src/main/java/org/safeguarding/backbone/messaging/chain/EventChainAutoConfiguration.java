package org.safeguarding.backbone.messaging.chain;

import jakarta.persistence.EntityManagerFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.axonframework.common.jdbc.PersistenceExceptionResolver;
import org.axonframework.common.jpa.EntityManagerProvider;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.eventhandling.EventBus;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;
import org.axonframework.springboot.autoconfig.AxonAutoConfiguration;
import org.axonframework.springboot.autoconfig.JpaEventStoreAutoConfiguration;
import org.axonframework.springboot.util.RegisterDefaultEntities;
import org.safeguarding.backbone.messaging.DeploymentSafeguards;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store of every Axon service, chained ({@link EventChain}): Axon's JPA storage engine as its own
 * auto-configuration would make it, each event linked as it is stored; checkpoints signed every {@code
 * backbone.event-chain.checkpoint-interval} (five minutes) with the key at {@code backbone.event-chain.signing-key}
 * (made at first start under the local profile only).
 */
@AutoConfiguration(before = {JpaEventStoreAutoConfiguration.class, AxonAutoConfiguration.class},
        afterName = "org.springframework.boot.hibernate.autoconfigure.HibernateJpaAutoConfiguration")
@ConditionalOnClass(JpaEventStorageEngine.class)
@ConditionalOnBean(EntityManagerFactory.class)
@ConditionalOnMissingBean({EventStorageEngine.class, EventBus.class, EventStore.class})
// what Axon's own configuration registers, which backs off once this one has made the engine
@RegisterDefaultEntities(packages = "org.axonframework.eventsourcing.eventstore.jpa")
public class EventChainAutoConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(EventChainAutoConfiguration.class);

    @Bean
    ChainSigningKey eventChainSigningKey(@Value("${backbone.event-chain.signing-key}") Path path,
                                         Environment environment) {
        return ChainSigningKey.at(path, environment.acceptsProfiles(Profiles.of(DeploymentSafeguards.LOCAL_PROFILE)));
    }

    @Bean
    EventChain eventChain(JdbcTemplate jdbc, PlatformTransactionManager transactions, ChainSigningKey key) {
        return new EventChain(jdbc, new TransactionTemplate(transactions), key, Clock.systemUTC());
    }

    /** As {@link JpaEventStoreAutoConfiguration#eventStorageEngine} makes it, chained. */
    @Bean
    EventStorageEngine eventStorageEngine(Serializer defaultSerializer,
                                          PersistenceExceptionResolver persistenceExceptionResolver,
                                          @Qualifier("eventSerializer") Serializer eventSerializer,
                                          org.axonframework.config.Configuration configuration,
                                          EntityManagerProvider entityManagerProvider,
                                          TransactionManager transactionManager, EventChain chain) {
        return new ChainedJpaEventStorageEngine(JpaEventStorageEngine.builder()
                .snapshotSerializer(defaultSerializer)
                .upcasterChain(configuration.upcasterChain())
                .persistenceExceptionResolver(persistenceExceptionResolver)
                .eventSerializer(eventSerializer)
                .snapshotFilter(configuration.snapshotFilter())
                .entityManagerProvider(entityManagerProvider)
                .transactionManager(transactionManager), chain);
    }

    /** A store kept from before the chain began is chained at start, before anything else is stored. */
    @Bean
    SmartInitializingSingleton chainWhatWasStoredBefore(EventChain chain) {
        return () -> {
            long linked = chain.chainWhatWasStoredBefore();
            if (linked > 0) {
                LOG.info("Event chain: linked the {} events stored before this store was chained", linked);
            }
        };
    }

    /** Signs a checkpoint every interval, from a minute after start; a failure is logged and tried next time. */
    @Bean
    SmartLifecycle eventChainCheckpoints(EventChain chain,
                                         @Value("${backbone.event-chain.checkpoint-interval:PT5M}") Duration every) {
        return new Checkpoints(chain, every);
    }

    static final class Checkpoints implements SmartLifecycle {
        private final EventChain chain;
        private final Duration every;
        private ScheduledExecutorService scheduler;

        Checkpoints(EventChain chain, Duration every) {
            this.chain = chain;
            this.every = every;
        }

        @Override
        public synchronized void start() {
            scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
                Thread thread = new Thread(runnable, "event-chain-checkpoints");
                thread.setDaemon(true);
                return thread;
            });
            scheduler.scheduleWithFixedDelay(() -> {
                try {
                    chain.checkpoint().ifPresent(checkpoint -> LOG.info("Event chain checkpoint {} signed ({} "
                            + "aggregates, key {})", checkpoint.id(), checkpoint.heads(), checkpoint.keyId()));
                } catch (RuntimeException e) {
                    LOG.warn("Could not sign an event chain checkpoint; trying again in {}: {}", every,
                            e.toString());
                }
            }, Math.min(60, every.toSeconds()), every.toSeconds(), TimeUnit.SECONDS);
        }

        @Override
        public synchronized void stop() {
            if (scheduler != null) {
                scheduler.shutdownNow();
                scheduler = null;
            }
        }

        @Override
        public synchronized boolean isRunning() {
            return scheduler != null;
        }
    }
}
