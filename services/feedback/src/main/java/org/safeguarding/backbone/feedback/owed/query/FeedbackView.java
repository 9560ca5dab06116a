package org.safeguarding.backbone.feedback.owed.query;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.persistence.PlainLanguageWarningsColumn;

/** Feedback owed and, once given, the latest feedback: for the recipient that owes it and the referrer owed it. */
@Entity
@Table(name = "feedback_view")
public class FeedbackView {

    @Id
    private String feedbackId;
    private String shareId;
    private String childId;
    private String owedBy;
    private String owedTo;
    private LocalDate dueBy;
    private Instant requestedAt;
    private String correlationId;
    private Instant givenAt;
    @Column(length = 4000)
    private String actionTaken;
    @Column(length = 4000)
    private String outcome;
    /** Jargon found in the latest feedback (R16), kept as JSON. */
    /** Not given by the end of its due day (R8); and how far up the ladder it has been escalated, to whom. */
    private boolean overdue;
    private Integer escalationLevel;
    private String escalatedTo;
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "plain_language_warnings")
    private List<PlainLanguageWarning> plainLanguageWarnings = List.of();

    protected FeedbackView() {
    }

    FeedbackView(String feedbackId, String shareId, String childId, String owedBy, String owedTo, LocalDate dueBy,
                 Instant requestedAt, String correlationId) {
        this.feedbackId = feedbackId;
        this.shareId = shareId;
        this.childId = childId;
        this.owedBy = owedBy;
        this.owedTo = owedTo;
        this.dueBy = dueBy;
        this.requestedAt = requestedAt;
        this.correlationId = correlationId;
    }

    void given(String actionTaken, String outcome, Instant at, List<PlainLanguageWarning> warnings) {
        this.actionTaken = actionTaken;
        this.outcome = outcome;
        this.givenAt = at;
        this.plainLanguageWarnings = List.copyOf(warnings);
    }

    void overdue() {
        this.overdue = true;
    }

    void escalated(int level, String to) {
        this.escalationLevel = level;
        this.escalatedTo = to;
    }

    public boolean isOverdue() {
        return overdue;
    }

    public Integer getEscalationLevel() {
        return escalationLevel;
    }

    public String getEscalatedTo() {
        return escalatedTo;
    }

    public List<PlainLanguageWarning> getPlainLanguageWarnings() {
        return plainLanguageWarnings;
    }

    public boolean isVisibleTo(String agency) {
        return owedBy.equals(agency) || owedTo.equals(agency);
    }

    public String getFeedbackId() {
        return feedbackId;
    }

    public String getShareId() {
        return shareId;
    }

    public String getChildId() {
        return childId;
    }

    public String getOwedBy() {
        return owedBy;
    }

    public String getOwedTo() {
        return owedTo;
    }

    public LocalDate getDueBy() {
        return dueBy;
    }

    public Instant getRequestedAt() {
        return requestedAt;
    }

    /** The conversation of the share that opened this feedback; giving feedback continues it. */
    public String getCorrelationId() {
        return correlationId;
    }

    public Instant getGivenAt() {
        return givenAt;
    }

    public String getActionTaken() {
        return actionTaken;
    }

    public String getOutcome() {
        return outcome;
    }
}
