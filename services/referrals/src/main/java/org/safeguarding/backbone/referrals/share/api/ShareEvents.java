package org.safeguarding.backbone.referrals.share.api;

import java.time.Instant;
import java.util.List;

/**
 * The facts an information share records in the event store. Internal: other services see the Avro integration
 * events mapped from these (share/integration).
 */
public sealed interface ShareEvents {

    String shareId();

    String childId();

    Instant occurredAt();

    record InformationShared(String shareId, String childId, String senderAgency, List<String> recipientAgencies,
                             String purpose, List<String> statements, Instant occurredAt) implements ShareEvents {
    }

    record ShareAcknowledged(String shareId, String childId, String recipientAgency, Instant occurredAt)
            implements ShareEvents {
    }
}
