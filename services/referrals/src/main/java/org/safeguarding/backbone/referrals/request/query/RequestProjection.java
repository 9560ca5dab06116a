package org.safeguarding.backbone.referrals.request.query;

import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestAnswered;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestEscalated;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestOverdue;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequested;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.SharingDeclined;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps {@link RequestView} in step, and answers for it. Subscribing (application.yml), like the share view: a
 * request can be read back as soon as the call that made it has returned.
 */
@Component
@ProcessingGroup(RequestProjection.PROCESSING_GROUP)
public class RequestProjection {

    static final String PROCESSING_GROUP = "request-view";

    private final RequestViews requests;
    private final ChildDataReads reads;

    RequestProjection(RequestViews requests, ChildDataReads reads) {
        this.requests = requests;
        this.reads = reads;
    }

    @EventHandler
    void on(InformationRequested event, @MetaDataValue(Correlation.CORRELATION_ID) String correlationId) {
        if (!requests.existsById(event.requestId())) {
            requests.save(new RequestView(event.requestId(), event.childId(), event.requestingAgency(),
                    event.requestedBy(), event.holderAgency(), event.whyNeeded(), event.concern(),
                    event.plainLanguageWarnings(), event.respondBy(),
                    event.occurredAt(), correlationId));
        }
    }

    @EventHandler
    void on(SharingDeclined event) {
        requests.findById(event.requestId()).ifPresent(view -> view.declined(event.decidedBy(), event.reasons(),
                event.plainLanguageWarnings(), event.occurredAt()));
    }

    @EventHandler
    void on(InformationRequestAnswered event) {
        requests.findById(event.requestId()).ifPresent(view -> view.answered(event.shareId(), event.occurredAt()));
    }

    @EventHandler
    void on(InformationRequestOverdue event) {
        requests.findById(event.requestId()).ifPresent(RequestView::overdue);
    }

    @EventHandler
    void on(InformationRequestEscalated event) {
        requests.findById(event.requestId()).ifPresent(view -> view.escalated(event.level(), event.escalatedTo()));
    }

    @ResetHandler
    void reset() {
        requests.deleteAll();
    }

    /**
     * The request, read by {@code agency}: by its parties and the child's lead agency (R10, ADR 0008), each read
     * recorded, refused attempts too, before it is answered.
     */
    @Transactional(readOnly = true)
    public RequestView readBy(String requestId, String agency) {
        RequestView found = requests.findById(requestId).orElseThrow(() -> new NotFound("request", requestId));
        if (!reads.readRecord(agency, found.getChildId(), "request:" + requestId, found.isVisibleTo(agency))) {
            throw new NotFound("request", requestId);
        }
        return found;
    }

    /** The request, for the agency that asked and the agency asked; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public RequestView visibleTo(String requestId, String agency) {
        return requests.findById(requestId).filter(view -> view.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("request", requestId));
    }

    /** Whose requests: those the agency was asked ({@code ASKED}), or those it made ({@code MADE}). */
    public enum Role { ASKED, MADE }

    /**
     * The requests made to the agency, or by it, the newest first; optionally only those in one state
     * ({@code OPEN}, {@code ANSWERED}, {@code DECLINED}) or only those overdue. Each listed is a read, recorded.
     */
    @Transactional(readOnly = true)
    public List<RequestView> involving(String agency, Role role, RequestView.Status status, boolean overdueOnly,
                                       int limit) {
        List<RequestView> found = requests.involving(agency, role == Role.ASKED,
                status == null ? null : status.name(), overdueOnly, Limit.of(limit));
        reads.record(agency, found.stream().map(view -> new ChildDataReads.Read(view.getChildId(),
                "request:" + view.getRequestId(), ChildDataReads.Basis.PARTY)).toList());
        return found;
    }
}
