package org.safeguarding.backbone.messaging.rebuild;

import javax.sql.DataSource;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.hibernate.cfg.AvailableSettings;
import org.safeguarding.backbone.kernel.rebuild.SwitchGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Projections rebuilt beside the live ones, then switched in (ADR 0012): the gate that calls and commands pass, and
 * for the event-sourced services the rebuilds of their own views from their event stores.
 */
@AutoConfiguration
public class RebuildAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SwitchGate switchGate() {
        return new SwitchGate();
    }

    /** Hibernate writes a view's twins on the thread rebuilding it ({@link WritingBeside}). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({HibernatePropertiesCustomizer.class, AvailableSettings.class})
    static class Hibernate {

        @Bean
        HibernatePropertiesCustomizer writingBeside() {
            return properties -> properties.put(AvailableSettings.STATEMENT_INSPECTOR, new WritingBeside());
        }
    }

    /** For the event-sourced services. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(CommandBus.class)
    static class EventSourced {

        /**
         * Every command passes the gate until its unit of work has ended (committed or rolled back): a switch waits
         * for the commands under way, whose events and view changes then are in the store the rebuild reads last.
         */
        @Bean
        SmartInitializingSingleton commandsPassTheSwitchGate(ObjectProvider<CommandBus> commands, SwitchGate gate) {
            return () -> commands.ifAvailable(bus -> bus.registerHandlerInterceptor((unitOfWork, chain) -> {
                SwitchGate.Passage passage = gate.pass();
                unitOfWork.onCleanup(ended -> passage.close());
                return chain.proceed();
            }));
        }

        @Bean
        @ConditionalOnBean(EventStorageEngine.class)
        ViewRebuilds viewRebuilds(ObjectProvider<EventProcessingConfiguration> processing, EventStorageEngine events,
                                  SwitchGate gate, JdbcTemplate jdbc, DataSource dataSource,
                                  PlatformTransactionManager transactions) {
            return new ViewRebuilds(processing, events, gate, jdbc, dataSource, transactions);
        }
    }
}
