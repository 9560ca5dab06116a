package org.safeguarding.backbone.transitions.transfer.query;

import java.time.Instant;
import java.util.Optional;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
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
                    event.toAgency(), event.reason(), event.movedOn(), event.proposedBy(), recordedAt, correlationId));
        }
    }

    @EventHandler
    void on(ChildTransferred event, @Timestamp Instant recordedAt,
            @MetaDataValue(Correlation.CORRELATION_ID) String correlationId) {
        transfers.findById(event.transferId()).ifPresentOrElse(
                proposed -> proposed.confirmed(event.recordedBy(), recordedAt),
                () -> transfers.save(new TransferView(event.transferId(), event.childId(), event.fromAgency(),
                        event.toAgency(), event.reason(), event.movedOn(), event.recordedBy(), recordedAt,
                        correlationId)));
    }

    @ResetHandler
    void reset() {
        transfers.deleteAll();
    }

    /** The transfer, read by {@code agency}: recorded (R10), refused attempts too, before it is answered. */
    @Transactional(readOnly = true)
    public TransferView readBy(String transferId, String agency) {
        Optional<TransferView> transfer = transfers.findById(transferId);
        boolean granted = transfer.map(view -> view.isVisibleTo(agency)).orElse(false);
        transfer.ifPresent(view -> reads.record(agency, view.getChildId(), "transfer:" + transferId, granted));
        return transfer.filter(view -> granted).orElseThrow(() -> new NotFound("transfer", transferId));
    }

    /** The transfer, for the agency the child left and the one it joined; anyone else is told it does not exist. */
    @Transactional(readOnly = true)
    public TransferView visibleTo(String transferId, String agency) {
        return transfers.findById(transferId)
                .filter(view -> view.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("transfer", transferId));
    }
}
