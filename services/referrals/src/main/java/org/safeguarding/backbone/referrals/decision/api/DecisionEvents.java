package org.safeguarding.backbone.referrals.decision.api;

import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.Personal;

/** Decisions about sharing that no request prompted (a decision to share is the share itself). */
public sealed interface DecisionEvents {

    record DecidedNotToShare(String decisionId, String childId, String decidingAgency, String decidedBy,
                             List<String> consideredAgencies, @Personal String reasons, Instant occurredAt)
            implements DecisionEvents {
    }
}
