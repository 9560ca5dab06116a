package org.safeguarding.backbone.transitions.transfer.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which agencies have worked with which child: the parties of shares, requests and feedback (from the other services'
 * events, integration/InvolvementListener) and of this service's confirmed moves. Recording an agency twice changes
 * nothing, so redelivered events are harmless.
 */
@Component
@ProcessingGroup("transfer-view")
public class InvolvementProjection {

    private final ChildInvolvementRepository involvement;

    InvolvementProjection(ChildInvolvementRepository involvement) {
        this.involvement = involvement;
    }

    /** The agencies took part in an act about the child at {@code at}: since then, at the latest until then. */
    @Transactional
    public void involved(String childId, Collection<String> agencies, Instant at) {
        for (String agency : agencies) {
            involvement.findById(new ChildInvolvement.Key(childId, agency)).ifPresentOrElse(
                    known -> known.actedAt(at),
                    () -> involvement.save(new ChildInvolvement(childId, agency, at)));
        }
    }

    /** The agencies that took part in an act about the child at {@code since} or later. */
    @Transactional(readOnly = true)
    public List<String> involvedSince(String childId, Instant since) {
        return involvement.findByChildIdAndLastActAtGreaterThanEqualOrderByAgency(childId, since).stream()
                .map(ChildInvolvement::getAgency).toList();
    }

    @EventHandler
    void on(ChildTransferred moved) {
        involved(moved.childId(), List.of(moved.fromAgency(), moved.toAgency()), moved.occurredAt());
    }

    @Transactional(readOnly = true)
    public boolean hasWorkedWith(String childId, String agency) {
        return involvement.existsById(new ChildInvolvement.Key(childId, agency));
    }
}
