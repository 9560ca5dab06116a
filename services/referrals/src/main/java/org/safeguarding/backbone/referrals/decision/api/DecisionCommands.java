package org.safeguarding.backbone.referrals.decision.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

public final class DecisionCommands {

    private DecisionCommands() {
    }

    /** R2: an agency decides, unprompted by any request, not to share what it knows about a child, and why. */
    public record RecordDecisionNotToShare(@TargetAggregateIdentifier String decisionId, String childId,
                                           String decidingAgency, String decidedBy, List<String> consideredAgencies,
                                           String reasons, Instant occurredAt) {
    }
}
