package org.safeguarding.backbone.referrals.share.query;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.backbone.referrals.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.api.ShareContent;

/** A share as its sender and recipients read it: a projection of the share's events, rebuilt by replay. */
@Entity
@Table(name = "share_view")
public class ShareView {

    @Id
    private String shareId;
    private String childId;
    private String senderAgency;
    @Column(length = 4000)
    private String purpose;
    private Instant sharedAt;
    private Instant recordedAt;
    private String correlationId;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "share_view_recipient", joinColumns = @JoinColumn(name = "share_id"))
    @OrderColumn(name = "position")
    private List<Recipient> recipients = new ArrayList<>();

    /** The statements and the rest of what the share says, as JSON: read whole, never queried into. */
    @Column(length = 100000)
    private String contentJson;
    private Instant acknowledgeBy;
    private Instant writtenFollowUpBy;
    private Instant writtenFollowUpAt;
    private boolean acknowledgementOverdue;
    private boolean writtenFollowUpOverdue;
    /** Questions, answers and recorded uses, in order, as JSON: read whole. */
    @Column(length = 100000)
    private String threadJson;

    protected ShareView() {
    }

    ShareView(String shareId, String childId, String senderAgency, String purpose, Instant sharedAt,
              Instant recordedAt, String correlationId, List<String> recipientAgencies, String contentJson,
              Instant acknowledgeBy, Instant writtenFollowUpBy) {
        this.shareId = shareId;
        this.childId = childId;
        this.senderAgency = senderAgency;
        this.purpose = purpose;
        this.sharedAt = sharedAt;
        this.recordedAt = recordedAt;
        this.correlationId = correlationId;
        recipientAgencies.forEach(agency -> recipients.add(new Recipient(agency, null, null, null)));
        this.contentJson = contentJson;
        this.acknowledgeBy = acknowledgeBy;
        this.writtenFollowUpBy = writtenFollowUpBy;
    }

    void followedUpInWriting(Instant at) {
        writtenFollowUpAt = at;
    }

    void acknowledgementOverdue() {
        acknowledgementOverdue = true;
    }

    void writtenFollowUpOverdue() {
        writtenFollowUpOverdue = true;
    }

    void acknowledgedBy(String agency, Instant at) {
        recipients.replaceAll(r -> r.agency.equals(agency) && r.acknowledgedAt == null
                ? new Recipient(agency, at, r.readAt, r.understoodAt) : r);
    }

    void readBy(String agency, Instant at) {
        recipients.replaceAll(r -> r.agency.equals(agency) && r.readAt == null
                ? new Recipient(agency, r.acknowledgedAt, at, r.understoodAt) : r);
    }

    void understoodBy(String agency, Instant at) {
        recipients.replaceAll(r -> r.agency.equals(agency) && r.understoodAt == null
                ? new Recipient(agency, r.acknowledgedAt, r.readAt, at) : r);
    }

    void setThreadJson(String threadJson) {
        this.threadJson = threadJson;
    }

    public String getThreadJson() {
        return threadJson;
    }

    /** R10: the sender and the named recipients, nobody else. */
    public boolean isVisibleTo(String agency) {
        return senderAgency.equals(agency) || recipients.stream().anyMatch(r -> r.agency.equals(agency));
    }

    public String getShareId() {
        return shareId;
    }

    public String getChildId() {
        return childId;
    }

    public String getSenderAgency() {
        return senderAgency;
    }

    public String getPurpose() {
        return purpose;
    }

    public Instant getSharedAt() {
        return sharedAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    /** The conversation the share started; acts on the share continue it. */
    public String getCorrelationId() {
        return correlationId;
    }

    public List<Recipient> getRecipients() {
        return List.copyOf(recipients);
    }

    public String getContentJson() {
        return contentJson;
    }

    public Instant getAcknowledgeBy() {
        return acknowledgeBy;
    }

    public Instant getWrittenFollowUpBy() {
        return writtenFollowUpBy;
    }

    public Instant getWrittenFollowUpAt() {
        return writtenFollowUpAt;
    }

    public boolean isAcknowledgementOverdue() {
        return acknowledgementOverdue;
    }

    public boolean isWrittenFollowUpOverdue() {
        return writtenFollowUpOverdue;
    }

    /** What the share says beyond its envelope: kept whole in {@code content_json}. */
    public record Content(List<ShareContent.Statement> statements, ShareContent.Details details,
                          List<PlainLanguageWarning> plainLanguageWarnings) {
    }

    /** One entry of a share's thread: a question, its answer, or a recorded use of the information. */
    public record ThreadEntry(Kind kind, String questionId, String agency, String text, Instant at) {
        public enum Kind { QUESTION, ANSWER, USE }
    }

    /** A recipient agency and when it acknowledged, read and understood the share (each null until it has). */
    @Embeddable
    public static class Recipient {
        private String agency;
        private Instant acknowledgedAt;
        private Instant readAt;
        private Instant understoodAt;

        protected Recipient() {
        }

        Recipient(String agency, Instant acknowledgedAt, Instant readAt, Instant understoodAt) {
            this.agency = agency;
            this.acknowledgedAt = acknowledgedAt;
            this.readAt = readAt;
            this.understoodAt = understoodAt;
        }

        public Instant getReadAt() {
            return readAt;
        }

        public Instant getUnderstoodAt() {
            return understoodAt;
        }

        public String getAgency() {
            return agency;
        }

        public Instant getAcknowledgedAt() {
            return acknowledgedAt;
        }
    }
}
