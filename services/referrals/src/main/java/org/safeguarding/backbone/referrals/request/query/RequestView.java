package org.safeguarding.backbone.referrals.request.query;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.persistence.PlainLanguageWarningsColumn;

/** A request for information as the requester and the holder read it; nobody else. */
@Entity
@Table(name = "request_view")
public class RequestView {

    public enum Status { OPEN, ANSWERED, DECLINED }

    @Id
    private String requestId;
    private String childId;
    private String requestingAgency;
    private String requestedBy;
    private String holderAgency;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> whyNeeded;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> concern;
    /** Jargon found in why the information is needed and in the concern (R16). */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "request_warnings")
    private List<PlainLanguageWarning> plainLanguageWarnings = List.of();
    private LocalDate respondBy;
    private Instant requestedAt;
    private String status;
    private String shareId;
    private String decidedBy;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> declineReasons;
    /** Jargon found in the reasons for declining (R16). */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "decline_warnings")
    private List<PlainLanguageWarning> declineWarnings = List.of();
    private Instant decidedAt;
    /** The conversation the request started: the decline, or the share that answers it, continues it. */
    private String correlationId;
    /** Not answered nor declined by the end of its reply date (R11); how far up the ladder, and to whom. */
    private boolean overdue;
    private Integer escalationLevel;
    private String escalatedTo;

    protected RequestView() {
    }

    RequestView(String requestId, String childId, String requestingAgency, String requestedBy, String holderAgency,
                String whyNeeded, String concern, List<PlainLanguageWarning> plainLanguageWarnings, LocalDate respondBy,
                Instant requestedAt, String correlationId) {
        this.requestId = requestId;
        this.childId = childId;
        this.requestingAgency = requestingAgency;
        this.requestedBy = requestedBy;
        this.holderAgency = holderAgency;
        this.whyNeeded = ChildContent.of(childId, whyNeeded);
        this.concern = ChildContent.of(childId, concern);
        this.plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        this.respondBy = respondBy;
        this.requestedAt = requestedAt;
        this.status = Status.OPEN.name();
        this.correlationId = correlationId;
    }

    void declined(String decidedBy, String reasons, List<PlainLanguageWarning> warnings, Instant at) {
        this.status = Status.DECLINED.name();
        this.decidedBy = decidedBy;
        this.declineReasons = ChildContent.of(childId, reasons);
        this.declineWarnings = List.copyOf(warnings);
        this.decidedAt = at;
    }

    void answered(String shareId, Instant at) {
        this.status = Status.ANSWERED.name();
        this.shareId = shareId;
        this.decidedAt = at;
    }

    void overdue() {
        this.overdue = true;
    }

    void escalated(int level, String to) {
        this.escalationLevel = level;
        this.escalatedTo = to;
    }

    /**
     * Its parties: the agency that asked and the agency asked; and the partnership a late request was escalated to,
     * which reads what it is asked to chase.
     */
    public boolean isVisibleTo(String agency) {
        return requestingAgency.equals(agency) || holderAgency.equals(agency) || agency.equals(escalatedTo);
    }

    public boolean isOverdue() { return overdue; }
    public Integer getEscalationLevel() { return escalationLevel; }
    public String getEscalatedTo() { return escalatedTo; }

    public String getRequestId() { return requestId; }
    public String getChildId() { return childId; }
    public String getRequestingAgency() { return requestingAgency; }
    public String getRequestedBy() { return requestedBy; }
    public String getHolderAgency() { return holderAgency; }
    public String getWhyNeeded() { return ChildContent.valueOf(whyNeeded); }
    public String getConcern() { return ChildContent.valueOf(concern); }
    public List<PlainLanguageWarning> getPlainLanguageWarnings() { return plainLanguageWarnings; }
    public LocalDate getRespondBy() { return respondBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public String getStatus() { return status; }
    public String getShareId() { return shareId; }
    public String getDecidedBy() { return decidedBy; }
    public String getDeclineReasons() { return ChildContent.valueOf(declineReasons); }

    public List<PlainLanguageWarning> getDeclineWarnings() { return declineWarnings; }
    public Instant getDecidedAt() { return decidedAt; }

    /**
     * The request's conversation. Requests recorded before it was kept (version 0.1) have none: their decline and
     * answer went on under the request's id, which this then returns, so they stay in one conversation.
     */
    public String getCorrelationId() { return correlationId == null ? requestId : correlationId; }
}
