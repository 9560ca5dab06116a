package org.safeguarding.backbone.messaging;

import java.util.Map;
import java.util.UUID;
import org.safeguarding.backbone.contracts.common.v1.Envelope;

/**
 * The metadata that ties events together across services. Commands carry it; Axon copies it onto the events they
 * cause; the publisher puts it in each integration event's envelope.
 *
 * <ul>
 *   <li>{@code correlationId}: one conversation, e.g. a share and everything that follows from it;</li>
 *   <li>{@code causationId}: the integration event that directly caused this act, when one did.</li>
 * </ul>
 */
public final class Correlation {

    public static final String CORRELATION_ID = "correlationId";
    public static final String CAUSATION_ID = "causationId";

    private Correlation() {
    }

    /** A new conversation, started by an agency's request; {@code requested} is a caller-supplied id, or null. */
    public static Map<String, String> startedBy(String requested) {
        return Map.of(CORRELATION_ID, requested == null || requested.isBlank() ? UUID.randomUUID().toString() : requested);
    }

    /**
     * A further act in an existing conversation (acknowledging a share, giving the feedback it opened), unless the
     * caller names its own conversation.
     */
    public static Map<String, String> continuing(String conversation, String requested) {
        return startedBy(requested == null || requested.isBlank() ? conversation : requested);
    }

    /** An act caused by an integration event: it continues that event's conversation. */
    public static Map<String, String> causedBy(Envelope cause) {
        return Map.of(CORRELATION_ID, cause.getCorrelationId(), CAUSATION_ID, cause.getEventId());
    }
}
