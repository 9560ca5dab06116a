package org.safeguarding.backbone.referrals.decision.api;

import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.Personal;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;

/** Decisions about sharing that no request prompted (a decision to share is the share itself). */
public sealed interface DecisionEvents {

    /** @param plainLanguageWarnings jargon in the reasons (R16); none in events stored before they were checked */
    record DecidedNotToShare(String decisionId, String childId, String decidingAgency, String decidedBy,
                             List<String> consideredAgencies, @Personal String reasons, Instant occurredAt,
                             List<PlainLanguageWarning> plainLanguageWarnings) implements DecisionEvents {
        public DecidedNotToShare {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }
}
