package org.safeguarding.backbone.messaging.rebuild;

import java.util.List;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.safeguarding.backbone.kernel.rebuild.Rebuild;
import org.safeguarding.backbone.kernel.rebuild.SwitchGate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Makes the rebuild of a service's own view from its event store; a service declares one per view:
 * {@code @Bean Rebuild shareView(ViewRebuilds views) { return views.of("share-view", "share_view", ...); }}.
 */
public final class ViewRebuilds {

    private final ObjectProvider<EventProcessingConfiguration> processing;
    private final EventStorageEngine events;
    private final SwitchGate gate;
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PlatformTransactionManager transactions;

    public ViewRebuilds(ObjectProvider<EventProcessingConfiguration> processing, EventStorageEngine events,
                        SwitchGate gate, JdbcTemplate jdbc, DataSource dataSource,
                        PlatformTransactionManager transactions) {
        this.processing = processing;
        this.events = events;
        this.gate = gate;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /**
     * The rebuild of the view kept by {@code processingGroup}'s event handlers, writing {@code tables} (a table
     * before those whose foreign keys refer to it).
     */
    public Rebuild of(String processingGroup, String... tables) {
        return new EventStoreViewRebuild(processingGroup, List.of(tables), () -> processing.getObject()
                .<AbstractEventProcessor>eventProcessorByProcessingGroup(processingGroup)
                .orElseThrow(() -> new IllegalStateException("no event processor for " + processingGroup)),
                events, gate, jdbc, dataSource, transactions);
    }
}
