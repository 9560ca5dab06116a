package org.safeguarding.backbone.transitions.closure.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.CaseClosed;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConcernAnswered;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConcernOverridden;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationAnswered;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationNoReply;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationOpened;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link ConsultationView} in step with the event store, in the same transaction (subscribing). */
@Component
@ProcessingGroup("consultation-view")
public class ConsultationProjection {

    private final ConsultationViews consultations;
    private final ChildDataReads reads;

    ConsultationProjection(ConsultationViews consultations, ChildDataReads reads) {
        this.consultations = consultations;
        this.reads = reads;
    }

    @EventHandler
    void on(ClosureConsultationOpened event, @MetaDataValue(Correlation.CORRELATION_ID) String correlationId) {
        if (!consultations.existsById(event.consultationId())) {
            consultations.save(new ConsultationView(event.consultationId(), event.childId(), event.closingAgency(),
                    event.reason(), event.answerBy(), event.occurredAt(), correlationId, event.consultees(),
                    event.plainLanguageWarnings()));
        }
    }

    @EventHandler
    void on(ClosureConsultationAnswered event) {
        consultations.findById(event.consultationId()).ifPresent(view -> view.answered(event.agency(),
                event.answer(), event.reasons(), event.occurredAt(), event.plainLanguageWarnings()));
    }

    @EventHandler
    void on(ClosureConsultationNoReply event) {
        consultations.findById(event.consultationId()).ifPresent(view -> view.noReply(event.agencies()));
    }

    @EventHandler
    void on(ClosureConcernAnswered event) {
        consultations.findById(event.consultationId()).ifPresent(view -> view.settled(event.concernOf(), "ANSWERED",
                event.response(), event.occurredAt(), event.plainLanguageWarnings()));
    }

    @EventHandler
    void on(ClosureConcernOverridden event) {
        consultations.findById(event.consultationId()).ifPresent(view -> view.settled(event.concernOf(),
                "OVERRIDDEN", event.reason(), event.occurredAt(), event.plainLanguageWarnings()));
    }

    @EventHandler
    void on(CaseClosed event) {
        consultations.findById(event.consultationId()).ifPresent(view -> view.closed(event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        consultations.deleteAll();
    }

    /**
     * The consultation, read by {@code agency}: by the closing agency, the agencies consulted and the child's lead
     * agency (ADR 0008), each read recorded, refused attempts too, before it is answered.
     */
    @Transactional(readOnly = true)
    public ConsultationView readBy(String consultationId, String agency) {
        ConsultationView found = consultations.findById(consultationId)
                .orElseThrow(() -> new NotFound("consultation", consultationId));
        if (!reads.readRecord(agency, found.getChildId(), "consultation:" + consultationId,
                found.isVisibleTo(agency))) {
            throw new NotFound("consultation", consultationId);
        }
        return found;
    }

    /** The consultation, for its parties; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public ConsultationView visibleTo(String consultationId, String agency) {
        return consultations.findById(consultationId).filter(view -> view.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("consultation", consultationId));
    }
}
