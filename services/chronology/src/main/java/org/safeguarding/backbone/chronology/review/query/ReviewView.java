package org.safeguarding.backbone.chronology.review.query;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;

/** A review as the partnership that opened it and the reviewer read it, and as the chronology checks it. */
@Entity
@Table(name = "review_view")
public class ReviewView {

    public enum Status { OPEN, CLOSED, REVOKED }

    @Id
    private String reviewId;
    private String childId;
    private String openedBy;
    private String reviewerAgency;
    private String reviewerPerson;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> reason;
    @Column(length = 1000)
    private String legalBasis;
    private LocalDate periodFrom;
    private LocalDate periodTo;
    private Instant expiresAt;
    private Instant openedAt;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant closedAt;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> closingReason;
    /** The conversation the review started: closing or revoking it continues it. */
    private String correlationId;

    protected ReviewView() {
    }

    ReviewView(String reviewId, String childId, String openedBy, String reviewerAgency, String reviewerPerson,
               String reason, String legalBasis, LocalDate periodFrom, LocalDate periodTo, Instant expiresAt,
               Instant openedAt, String correlationId) {
        this.reviewId = reviewId;
        this.childId = childId;
        this.openedBy = openedBy;
        this.reviewerAgency = reviewerAgency;
        this.reviewerPerson = reviewerPerson;
        this.reason = ChildContent.of(childId, reason);
        this.legalBasis = legalBasis;
        this.periodFrom = periodFrom;
        this.periodTo = periodTo;
        this.expiresAt = expiresAt;
        this.openedAt = openedAt;
        this.status = Status.OPEN;
        this.correlationId = correlationId;
    }

    void closed(boolean revoked, String reason, Instant at) {
        this.status = revoked ? Status.REVOKED : Status.CLOSED;
        this.closingReason = ChildContent.of(childId, reason);
        this.closedAt = at;
    }

    public boolean isVisibleTo(String agency) {
        return openedBy.equals(agency) || reviewerAgency.equals(agency);
    }

    /** {@code agency} may read {@code childId}'s history under this review at {@code now}. */
    public boolean grants(String childId, String agency, Instant now) {
        return status == Status.OPEN && this.childId.equals(childId) && reviewerAgency.equals(agency)
                && now.isBefore(expiresAt);
    }

    /** An act at {@code at} lies within the period the review covers (whole days, UTC). */
    public boolean covers(Instant at) {
        return !at.isBefore(periodFrom.atStartOfDay(ZoneOffset.UTC).toInstant())
                && at.isBefore(periodTo.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    public String getReviewId() { return reviewId; }
    public String getChildId() { return childId; }
    public String getOpenedBy() { return openedBy; }
    public String getReviewerAgency() { return reviewerAgency; }
    public String getReviewerPerson() { return reviewerPerson; }
    public String getReason() { return ChildContent.valueOf(reason); }
    public String getLegalBasis() { return legalBasis; }
    public LocalDate getPeriodFrom() { return periodFrom; }
    public LocalDate getPeriodTo() { return periodTo; }
    public Instant getExpiresAt() { return expiresAt; }
    public Instant getOpenedAt() { return openedAt; }
    public Status getStatus() { return status; }
    public Instant getClosedAt() { return closedAt; }
    public String getClosingReason() { return ChildContent.valueOf(closingReason); }
    public String getCorrelationId() { return correlationId; }
}
