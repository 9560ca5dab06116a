package org.safeguarding.backbone.referrals.decision.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.safeguarding.backbone.referrals.decision.api.DecisionEvents.DecidedNotToShare;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link DecisionView} in step (subscribing, application.yml), and answers for it. */
@Component
@ProcessingGroup(DecisionProjection.PROCESSING_GROUP)
public class DecisionProjection {

    static final String PROCESSING_GROUP = "decision-view";

    private final DecisionViews decisions;
    private final ChildDataReads reads;

    DecisionProjection(DecisionViews decisions, ChildDataReads reads) {
        this.decisions = decisions;
        this.reads = reads;
    }

    @EventHandler
    void on(DecidedNotToShare event) {
        if (!decisions.existsById(event.decisionId())) {
            decisions.save(new DecisionView(event.decisionId(), event.childId(), event.decidingAgency(),
                    event.decidedBy(), event.consideredAgencies(), event.reasons(), event.plainLanguageWarnings(),
                    event.occurredAt()));
        }
    }

    @ResetHandler
    void reset() {
        decisions.deleteAll();
    }

    /**
     * The decision, read by {@code agency}: by its parties and the child's lead agency (R10, ADR 0008), each read
     * recorded, refused attempts too, before it is answered.
     */
    @Transactional(readOnly = true)
    public DecisionView readBy(String decisionId, String agency) {
        DecisionView found = decisions.findById(decisionId).orElseThrow(() -> new NotFound("decision", decisionId));
        boolean party = found.getDecidingAgency().equals(agency);
        if (!reads.readRecord(agency, found.getChildId(), "decision:" + decisionId, party)) {
            throw new NotFound("decision", decisionId);
        }
        return found;
    }

    /** Only the deciding agency reads its decision; to anyone else it does not exist. */
    @Transactional(readOnly = true)
    public DecisionView visibleTo(String decisionId, String agency) {
        return decisions.findById(decisionId).filter(d -> d.getDecidingAgency().equals(agency))
                .orElseThrow(() -> new NotFound("decision", decisionId));
    }
}
