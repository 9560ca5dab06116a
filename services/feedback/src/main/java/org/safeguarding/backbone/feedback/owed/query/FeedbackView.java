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
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
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
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> actionTaken;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> outcome;
    /** Not given by the end of its due day (R8); and how far up the ladder it has been escalated, to whom. */
    private boolean overdue;
    private Integer escalationLevel;
    private String escalatedTo;
    /** The agency the latest challenge is addressed to at its level: it reads the feedback it is asked about. */
    private String challengeAddressedTo;
    /** Jargon found in the latest feedback (R16), kept as JSON. */
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
        this.actionTaken = ChildContent.of(childId, actionTaken);
        this.outcome = ChildContent.of(childId, outcome);
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

    void challengeAddressedTo(String agency) {
        this.challengeAddressedTo = agency;
    }

    public String getChallengeAddressedTo() {
        return challengeAddressedTo;
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

    /**
     * Its parties: the agency that owes it, the referrer owed it, and an agency told of it on the way up a ladder
     * (the partnership the chase escalated it to, the agency a challenge is addressed to), which needs to read what
     * it is asked about.
     */
    public boolean isVisibleTo(String agency) {
        return owedBy.equals(agency) || owedTo.equals(agency) || agency.equals(escalatedTo)
                || agency.equals(challengeAddressedTo);
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
        return ChildContent.valueOf(actionTaken);
    }

    public String getOutcome() {
        return ChildContent.valueOf(outcome);
    }
}
