package org.safeguarding.backbone.transitions.transfer.query;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageAcknowledged;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageOverdue;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageSent;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferProposed;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Keeps {@link TransferView} in step with the event store (subscribing), and answers for it. */
@Component
@ProcessingGroup("transfer-view")
public class TransferProjection {

    private final TransferViewRepository transfers;
    private final ChildDataReads reads;

    TransferProjection(TransferViewRepository transfers, ChildDataReads reads) {
        this.transfers = transfers;
        this.reads = reads;
    }

    @EventHandler
    void on(TransferProposed event, @Timestamp Instant recordedAt,
            @MetaDataValue(Correlation.CORRELATION_ID) String correlationId) {
        if (!transfers.existsById(event.transferId())) {
            transfers.save(TransferView.proposed(event.transferId(), event.childId(), event.fromAgency(),
                    event.toAgency(), event.reason(), event.plainLanguageWarnings(), event.movedOn(),
                    event.proposedBy(), recordedAt, correlationId));
        }
    }

    @EventHandler
    void on(ChildTransferred event, @Timestamp Instant recordedAt,
            @MetaDataValue(Correlation.CORRELATION_ID) String correlationId) {
        transfers.findById(event.transferId()).ifPresentOrElse(
                proposed -> proposed.confirmed(event.recordedBy(), recordedAt),
                () -> transfers.save(new TransferView(event.transferId(), event.childId(), event.fromAgency(),
                        event.toAgency(), event.reason(), event.plainLanguageWarnings(), event.movedOn(),
                        event.recordedBy(), recordedAt,
                        correlationId)));
    }

    @EventHandler
    void on(TransferPackageSent event) {
        transfers.findById(event.transferId()).ifPresent(view -> view.packageSent(event.items(),
                event.acknowledgeBy()));
    }

    @EventHandler
    void on(TransferPackageAcknowledged event) {
        transfers.findById(event.transferId()).ifPresent(view -> view.packageAcknowledged(event.complete(),
                event.missing(), event.plainLanguageWarnings(), event.occurredAt()));
    }

    @EventHandler
    void on(TransferPackageOverdue event) {
        transfers.findById(event.transferId()).ifPresent(TransferView::packageOverdue);
    }

    @ResetHandler
    void reset() {
        transfers.deleteAll();
    }

    /**
     * The transfer, read by {@code agency}: by its parties and the child's lead agency (R10, ADR 0008), each read
     * recorded, refused attempts too, before it is answered.
     */
    @Transactional(readOnly = true)
    public TransferView readBy(String transferId, String agency) {
        TransferView found = transfers.findById(transferId).orElseThrow(() -> new NotFound("transfer", transferId));
        if (!reads.readRecord(agency, found.getChildId(), "transfer:" + transferId, found.isVisibleTo(agency))) {
            throw new NotFound("transfer", transferId);
        }
        return found;
    }

    /**
     * The transfer already reported for this move (the child, from, to, the day), proposed or recorded, if any: asked
     * only for one of its two agencies, which can read it.
     */
    @Transactional(readOnly = true)
    public Optional<TransferView> sameMove(String childId, String fromAgency, String toAgency, LocalDate movedOn) {
        return transfers.findByChildIdAndFromAgencyAndToAgencyAndMovedOn(childId, fromAgency, toAgency, movedOn)
                .stream().findFirst();
    }

    /** The transfer, for the agency the child left and the one it joined; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public TransferView visibleTo(String transferId, String agency) {
        return transfers.findById(transferId)
                .filter(view -> view.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("transfer", transferId));
    }
}
