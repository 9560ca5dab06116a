package org.safeguarding.backbone.messaging.publish;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;

/**
 * A service's anti-corruption layer on the way out: turns one of its internal (event-store) events into the Avro
 * integration event other services and agencies see. Internal events that are nobody else's business map to empty.
 */
public interface IntegrationEventMapper {

    Optional<IntegrationEvent> map(EventMessage<?> event);
}
