package org.safeguarding.backbone.messaging.chain;

import java.util.List;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventsourcing.eventstore.jpa.JpaEventStorageEngine;
import org.axonframework.serialization.Serializer;

/**
 * Axon's JPA event store, each event linked into the {@link EventChain} in the transaction that stores it: an event
 * is never stored without its link, nor a link without its event.
 */
public class ChainedJpaEventStorageEngine extends JpaEventStorageEngine {

    private final EventChain chain;

    public ChainedJpaEventStorageEngine(JpaEventStorageEngine.Builder builder, EventChain chain) {
        super(builder);
        this.chain = chain;
    }

    @Override
    protected void appendEvents(List<? extends EventMessage<?>> events, Serializer serializer) {
        super.appendEvents(events, serializer);
        if (!events.isEmpty()) {
            // the rows are read back in this transaction (the engine flushes already, unless told not to). An event
            // published outside an aggregate is stored as its own aggregate (its id), sequence 0.
            entityManager().flush();
            chain.link(events.stream().map(event -> event instanceof DomainEventMessage<?> domain
                    ? domain.getAggregateIdentifier() : event.getIdentifier()).distinct().toList());
        }
    }
}
