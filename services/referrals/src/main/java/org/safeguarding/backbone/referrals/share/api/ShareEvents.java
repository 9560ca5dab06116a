package org.safeguarding.backbone.referrals.share.api;

import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Details;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Statement;

/**
 * The facts an information share records in the event store. Internal: other services see the Avro integration
 * events mapped from these (share/integration).
 */
public sealed interface ShareEvents {

    String shareId();

    String childId();

    Instant occurredAt();

    /**
     * @param acknowledgeBy      when recipients must have acknowledged it (R11), from its urgency
     * @param writtenFollowUpBy  for a verbal share, when the written follow-up is due (R7); null when written
     */
    record InformationShared(String shareId, String childId, String senderAgency, List<String> recipientAgencies,
                             String purpose, List<Statement> statements, Details details, Instant occurredAt,
                             Instant acknowledgeBy, Instant writtenFollowUpBy) implements ShareEvents {
    }

    record ShareAcknowledged(String shareId, String childId, String recipientAgency, Instant occurredAt)
            implements ShareEvents {
    }
}
