package org.safeguarding.backbone.transitions.transfer.query;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A transfer as the two agencies involved read it. */
@Entity
@Table(name = "transfer_view")
public class TransferView {

    @Id
    private String transferId;
    private String childId;
    private String fromAgency;
    private String toAgency;
    @Column(length = 4000)
    private String reason;
    private LocalDate movedOn;
    private String recordedBy;
    private Instant recordedAt;

    protected TransferView() {
    }

    TransferView(String transferId, String childId, String fromAgency, String toAgency, String reason,
                 LocalDate movedOn, String recordedBy, Instant recordedAt) {
        this.transferId = transferId;
        this.childId = childId;
        this.fromAgency = fromAgency;
        this.toAgency = toAgency;
        this.reason = reason;
        this.movedOn = movedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public boolean isVisibleTo(String agency) {
        return fromAgency.equals(agency) || toAgency.equals(agency);
    }

    public String getTransferId() {
        return transferId;
    }

    public String getChildId() {
        return childId;
    }

    public String getFromAgency() {
        return fromAgency;
    }

    public String getToAgency() {
        return toAgency;
    }

    public String getReason() {
        return reason;
    }

    public LocalDate getMovedOn() {
        return movedOn;
    }

    public String getRecordedBy() {
        return recordedBy;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
