package org.safeguarding.backbone.transitions.transfer.query;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.PackageItem;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.persistence.PlainLanguageWarningsColumn;

/** A transfer as the two agencies involved read it: proposed by the joining agency, or confirmed (a move). */
@Entity
@Table(name = "transfer_view")
public class TransferView {

    public enum Status { PROPOSED, CONFIRMED }

    @Id
    private String transferId;
    private String childId;
    private String fromAgency;
    private String toAgency;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> reason;
    /** Jargon found in the reason (R16). */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "reason_warnings")
    private List<PlainLanguageWarning> reasonWarnings = List.of();
    private LocalDate movedOn;
    private String recordedBy;
    private Instant recordedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private String proposedBy;
    private Instant proposedAt;
    /** The conversation the transfer started: confirming a proposal continues it. */
    private String correlationId;

    /** R12: the package sent with the move (null before one was), its deadline and where it stands. */
    public enum PackageStatus { SENT, INCOMPLETE, COMPLETE }

    @Convert(converter = PackageItemsColumn.class)
    @Column(name = "package_items", length = PackageItemsColumn.LENGTH)
    private ChildContent<List<PackageItem>> packageItems;
    private Instant packageAcknowledgeBy;
    @Enumerated(EnumType.STRING)
    private PackageStatus packageStatus;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> packageMissing;
    /** Jargon found in what is missing (R16). */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "package_missing_warnings")
    private List<PlainLanguageWarning> packageMissingWarnings = List.of();
    private Instant packageAcknowledgedAt;
    private boolean packageOverdue;

    protected TransferView() {
    }

    /** A move the joining agency proposed. */
    static TransferView proposed(String transferId, String childId, String fromAgency, String toAgency, String reason,
                                 List<PlainLanguageWarning> reasonWarnings, LocalDate movedOn, String proposedBy,
                                 Instant proposedAt, String correlationId) {
        TransferView view = new TransferView(transferId, childId, fromAgency, toAgency, reason, reasonWarnings,
                movedOn, null, null, correlationId);
        view.status = Status.PROPOSED;
        view.proposedBy = proposedBy;
        view.proposedAt = proposedAt;
        return view;
    }

    /** The agency the child left recorded or confirmed the move. */
    void confirmed(String recordedBy, Instant recordedAt) {
        this.status = Status.CONFIRMED;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    TransferView(String transferId, String childId, String fromAgency, String toAgency, String reason,
                 List<PlainLanguageWarning> reasonWarnings, LocalDate movedOn, String recordedBy, Instant recordedAt,
                 String correlationId) {
        this.transferId = transferId;
        this.childId = childId;
        this.fromAgency = fromAgency;
        this.toAgency = toAgency;
        this.reason = ChildContent.of(childId, reason);
        this.reasonWarnings = List.copyOf(reasonWarnings);
        this.movedOn = movedOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
        this.status = Status.CONFIRMED;
        this.correlationId = correlationId;
    }

    void packageSent(List<PackageItem> items, Instant acknowledgeBy) {
        this.packageItems = ChildContent.of(childId, List.copyOf(items));
        this.packageAcknowledgeBy = acknowledgeBy;
        this.packageStatus = PackageStatus.SENT;
    }

    void packageAcknowledged(boolean complete, String missing, List<PlainLanguageWarning> warnings, Instant at) {
        this.packageStatus = complete ? PackageStatus.COMPLETE : PackageStatus.INCOMPLETE;
        this.packageMissing = ChildContent.of(childId, missing);
        this.packageMissingWarnings = List.copyOf(warnings);
        this.packageAcknowledgedAt = at;
    }

    void packageOverdue() {
        this.packageOverdue = true;
    }

    public List<PackageItem> getPackageItems() { return ChildContent.valueOf(packageItems); }
    public Instant getPackageAcknowledgeBy() { return packageAcknowledgeBy; }
    public PackageStatus getPackageStatus() { return packageStatus; }
    public String getPackageMissing() { return ChildContent.valueOf(packageMissing); }
    public List<PlainLanguageWarning> getPackageMissingWarnings() { return packageMissingWarnings; }
    public Instant getPackageAcknowledgedAt() { return packageAcknowledgedAt; }
    /** Not acknowledged complete by its deadline; stays true once it was, the package tracked until complete. */
    public boolean isPackageOverdue() { return packageOverdue; }

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
        return ChildContent.valueOf(reason);
    }

    public List<PlainLanguageWarning> getReasonWarnings() {
        return reasonWarnings;
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

    public Status getStatus() {
        return status;
    }

    public String getProposedBy() {
        return proposedBy;
    }

    public Instant getProposedAt() {
        return proposedAt;
    }

    /** The transfer's conversation; transfers recorded before it was kept (0.1) continue under their own id. */
    public String getCorrelationId() {
        return correlationId == null ? transferId : correlationId;
    }
}
