package org.safeguarding.backbone.feedback.owed.query;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.persistence.PlainLanguageWarningsColumn;

/**
 * A challenge to feedback (professional disagreement), as it stands: the level it has reached and that level's
 * deadline, the latest answer, how it climbed and how it was resolved. The whole exchange is in the chronology.
 */
@Entity
@Table(name = "feedback_challenge_view")
public class FeedbackChallengeView {

    @Id
    private String challengeKey;
    private String feedbackId;
    /** The child the feedback is about, whose key seals what the challenge says (V16). */
    private String childId;
    private int challenge;
    private String challengedBy;
    private String challengedTo;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> reasons;
    private Instant challengedAt;
    private int level;
    private String levelTo;
    private String addressedTo;
    private LocalDate answerDueBy;
    private boolean answerOverdue;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> answer;
    private String answeredBy;
    private Instant answeredAt;
    private String escalationReason;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> escalationReasons;
    private boolean resolved;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> resolution;
    private String resolvedBy;
    private Instant resolvedAt;
    /** Jargon found in everything written in the challenge (R16), kept as JSON. */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "plain_language_warnings")
    private List<PlainLanguageWarning> plainLanguageWarnings = List.of();

    protected FeedbackChallengeView() {
    }

    FeedbackChallengeView(String feedbackId, String childId, int challenge, String challengedBy, String challengedTo, String reasons,
                          Instant challengedAt, List<PlainLanguageWarning> warnings) {
        this.challengeKey = key(feedbackId, challenge);
        this.feedbackId = feedbackId;
        this.childId = childId;
        this.challenge = challenge;
        this.challengedBy = challengedBy;
        this.challengedTo = challengedTo;
        this.reasons = ChildContent.of(childId, reasons);
        this.challengedAt = challengedAt;
        this.plainLanguageWarnings = List.copyOf(warnings);
    }

    static String key(String feedbackId, int challenge) {
        return feedbackId + "/" + challenge;
    }

    void atLevel(int level, String to, String addressedTo, LocalDate answerDueBy) {
        this.level = level;
        this.levelTo = to;
        this.addressedTo = addressedTo;
        this.answerDueBy = answerDueBy;
        this.answerOverdue = false;
    }

    void escalated(String reason, String reasons, List<PlainLanguageWarning> warnings) {
        this.escalationReason = reason;
        this.escalationReasons = ChildContent.of(childId, reasons);
        warned(warnings);
    }

    void answered(String answer, String by, Instant at, List<PlainLanguageWarning> warnings) {
        this.answer = ChildContent.of(childId, answer);
        this.answeredBy = by;
        this.answeredAt = at;
        warned(warnings);
    }

    void overdue() {
        this.answerOverdue = true;
    }

    void resolved(String resolution, String by, Instant at, List<PlainLanguageWarning> warnings) {
        this.resolved = true;
        this.resolution = ChildContent.of(childId, resolution);
        this.resolvedBy = by;
        this.resolvedAt = at;
        warned(warnings);
    }

    private void warned(List<PlainLanguageWarning> warnings) {
        List<PlainLanguageWarning> all = new ArrayList<>(plainLanguageWarnings);
        all.addAll(warnings);
        this.plainLanguageWarnings = List.copyOf(all);
    }

    public String getFeedbackId() {
        return feedbackId;
    }

    public int getChallenge() {
        return challenge;
    }

    public String getChallengedBy() {
        return challengedBy;
    }

    public String getChallengedTo() {
        return challengedTo;
    }

    public String getReasons() {
        return ChildContent.valueOf(reasons);
    }

    public Instant getChallengedAt() {
        return challengedAt;
    }

    /** The level reached; the level resolved at, once resolved. */
    public int getLevel() {
        return level;
    }

    public String getLevelTo() {
        return levelTo;
    }

    public String getAddressedTo() {
        return addressedTo;
    }

    public LocalDate getAnswerDueBy() {
        return answerDueBy;
    }

    public boolean isAnswerOverdue() {
        return answerOverdue;
    }

    public String getAnswer() {
        return ChildContent.valueOf(answer);
    }

    public String getAnsweredBy() {
        return answeredBy;
    }

    public Instant getAnsweredAt() {
        return answeredAt;
    }

    public String getEscalationReason() {
        return escalationReason;
    }

    public String getEscalationReasons() {
        return ChildContent.valueOf(escalationReasons);
    }

    public boolean isResolved() {
        return resolved;
    }

    public String getResolution() {
        return ChildContent.valueOf(resolution);
    }

    public String getResolvedBy() {
        return resolvedBy;
    }

    public Instant getResolvedAt() {
        return resolvedAt;
    }

    public List<PlainLanguageWarning> getPlainLanguageWarnings() {
        return plainLanguageWarnings;
    }
}
