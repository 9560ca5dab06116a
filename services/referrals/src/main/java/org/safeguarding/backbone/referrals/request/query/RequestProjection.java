package org.safeguarding.backbone.referrals.request.query;

import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestAnswered;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequested;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.SharingDeclined;
import org.safeguarding.backbone.web.problem.NotFound;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link RequestView} in step (subscribing, like the share view), and answers for it. */
@Component
@ProcessingGroup("share-view")
public class RequestProjection {

    private final RequestViews requests;

    RequestProjection(RequestViews requests) {
        this.requests = requests;
    }

    @EventHandler
    void on(InformationRequested event) {
        if (!requests.existsById(event.requestId())) {
            requests.save(new RequestView(event.requestId(), event.childId(), event.requestingAgency(),
                    event.requestedBy(), event.holderAgency(), event.whyNeeded(), event.concern(), event.respondBy(),
                    event.occurredAt()));
        }
    }

    @EventHandler
    void on(SharingDeclined event) {
        requests.findById(event.requestId()).ifPresent(view -> view.declined(event.decidedBy(), event.reasons(),
                event.occurredAt()));
    }

    @EventHandler
    void on(InformationRequestAnswered event) {
        requests.findById(event.requestId()).ifPresent(view -> view.answered(event.shareId(), event.occurredAt()));
    }

    @ResetHandler
    void reset() {
        requests.deleteAll();
    }

    /** The request, for the agency that asked and the agency asked; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public RequestView visibleTo(String requestId, String agency) {
        return requests.findById(requestId).filter(view -> view.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("request", requestId));
    }
}
