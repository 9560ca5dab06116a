package org.safeguarding.backbone.messaging.publish;

import java.util.Optional;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;

/**
 * A service's anti-corruption layer on the way out: turns one of its internal (event-store) events into the Avro
 * integration event other services and agencies see. Internal events that are nobody else's business map to empty.
 */
public interface IntegrationEventMapper {

    Optional<IntegrationEvent> map(EventMessage<?> event);

    /**
     * The stored event classes this mapper deliberately keeps inside the service. Every event a service stores is
     * either mapped by one of its mappers or listed here by one; the service's guard test checks it.
     */
    default Set<Class<?>> internalEvents() {
        return Set.of();
    }
}
