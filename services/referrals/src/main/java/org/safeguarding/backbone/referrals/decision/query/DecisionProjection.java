package org.safeguarding.backbone.referrals.decision.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.safeguarding.backbone.referrals.decision.api.DecisionEvents.DecidedNotToShare;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link DecisionView} in step (subscribing, application.yml), and answers for it. */
@Component
@ProcessingGroup(DecisionProjection.PROCESSING_GROUP)
public class DecisionProjection {

    static final String PROCESSING_GROUP = "decision-view";

    private final DecisionViews decisions;

    DecisionProjection(DecisionViews decisions) {
        this.decisions = decisions;
    }

    @EventHandler
    void on(DecidedNotToShare event) {
        if (!decisions.existsById(event.decisionId())) {
            decisions.save(new DecisionView(event.decisionId(), event.childId(), event.decidingAgency(),
                    event.decidedBy(), event.consideredAgencies(), event.reasons(), event.occurredAt()));
        }
    }

    @ResetHandler
    void reset() {
        decisions.deleteAll();
    }

    /** Only the deciding agency reads its decision; to anyone else it does not exist. */
    @Transactional(readOnly = true)
    public DecisionView visibleTo(String decisionId, String agency) {
        return decisions.findById(decisionId).filter(d -> d.getDecidingAgency().equals(agency))
                .orElseThrow(() -> new NotFound("decision", decisionId));
    }
}
