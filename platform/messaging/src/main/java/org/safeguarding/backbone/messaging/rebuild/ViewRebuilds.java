package org.safeguarding.backbone.messaging.rebuild;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AbstractEventProcessor;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventHandlerInvoker;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.safeguarding.backbone.kernel.rebuild.Rebuild;
import org.safeguarding.backbone.kernel.rebuild.SwitchGate;
import org.safeguarding.backbone.messaging.childkeys.ErasedChildren;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

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
        return new EventStoreViewRebuild(processingGroup, List.of(tables), () -> processor(processingGroup),
                events, gate, jdbc, dataSource, transactions);
    }

    private AbstractEventProcessor processor(String processingGroup) {
        return processing.getObject().<AbstractEventProcessor>eventProcessorByProcessingGroup(processingGroup)
                .orElseThrow(() -> new IllegalStateException("no event processor for " + processingGroup));
    }

    /**
     * What erasing a child's records does to views that keep its text in clear (R18): in one transaction, the child's
     * aggregates are found ({@code aggregatesOfChild}: queries of one id column, the child as their one parameter),
     * their rows removed ({@code removeRowsOfChild}: statements with the child as their one parameter, in order) and
     * written again by {@link #replay} through {@code processingGroups}, from events whose text now reads as erased.
     */
    public ErasedChildren rewrittenOnErasure(List<String> aggregatesOfChild, List<String> removeRowsOfChild,
                                             String... processingGroups) {
        TransactionTemplate transaction = new TransactionTemplate(transactions);
        return (childId, erasedAt, reason) -> transaction.executeWithoutResult(status -> {
            List<String> aggregates = new ArrayList<>();
            for (String query : aggregatesOfChild) {
                aggregates.addAll(jdbc.queryForList(query, String.class, childId));
            }
            for (String statement : removeRowsOfChild) {
                jdbc.update(statement, childId);
            }
            replay(aggregates, processingGroups);
        });
    }

    /**
     * Applies every stored event of {@code aggregateIds}, in the order they were stored, through the event handlers
     * of {@code processingGroups}, in the caller's transaction: rows of a view the caller removed are written again
     * from the events as they now read (a child's erased text, R18). The same events give the same rows.
     */
    public void replay(Collection<String> aggregateIds, String... processingGroups) {
        if (aggregateIds.isEmpty()) {
            return;
        }
        List<String> ids = List.copyOf(new LinkedHashSet<>(aggregateIds));
        Map<String, Map<Long, DomainEventMessage<?>>> byAggregate = new HashMap<>();
        for (String id : ids) {
            Map<Long, DomainEventMessage<?>> bySequence = new HashMap<>();
            events.readEvents(id).asStream().forEach(event -> bySequence.put(event.getSequenceNumber(), event));
            byAggregate.put(id, bySequence);
        }
        List<EventHandlerInvoker> handlers = Arrays.stream(processingGroups)
                .map(group -> processor(group).eventHandlerInvoker()).toList();
        jdbc.query("select aggregate_identifier, sequence_number from domain_event_entry where aggregate_identifier "
                + "in (" + String.join(", ", Collections.nCopies(ids.size(), "?")) + ") order by global_index",
                (RowCallbackHandler) row -> {
                    DomainEventMessage<?> event = byAggregate.get(row.getString(1)).get(row.getLong(2));
                    for (EventHandlerInvoker invoker : handlers) {
                        EventStoreViewRebuild.apply(invoker, event);
                    }
                }, ids.toArray());
    }
}
