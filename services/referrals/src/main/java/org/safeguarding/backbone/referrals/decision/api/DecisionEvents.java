package org.safeguarding.backbone.referrals.decision.api;

import java.time.Instant;
import java.util.List;

/** Decisions about sharing that no request prompted (a decision to share is the share itself). */
public sealed interface DecisionEvents {

    record DecidedNotToShare(String decisionId, String childId, String decidingAgency, String decidedBy,
                             List<String> consideredAgencies, String reasons, Instant occurredAt)
            implements DecisionEvents {
    }
}
