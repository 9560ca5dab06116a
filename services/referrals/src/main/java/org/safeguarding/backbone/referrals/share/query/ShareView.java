package org.safeguarding.backbone.referrals.share.query;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.api.ShareContent;

/** A share as its sender and recipients read it: a projection of the share's events, rebuilt by replay. */
@Entity
@Table(name = "share_view")
public class ShareView {

    /**
     * The size of the JSON columns (V14): the largest varchar both H2 and PostgreSQL keep in the row. A share within
     * the request limit (backbone.web.max-request-size, 512 KB) serializes to well under it.
     */
    static final int JSON_COLUMN = 1_000_000;

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

    /**
     * The statements and the rest of what the share says, as JSON: read whole, never queried into. Sized for the
     * largest share the API accepts (100 statements of 4,000 characters, within a 512 KB request), with room to spare.
     */
    @Convert(converter = ViewJson.ContentConverter.class)
    @Column(name = "content_json", length = ShareView.JSON_COLUMN)
    private Content content;
    private Instant acknowledgeBy;
    /** The share's urgency, kept beside its content so an inbox can be ordered by it. */
    private String urgency;
    /** Questions recipients asked that the sender has not yet answered: the sender's worklist. */
    private int openQuestions;
    private Instant writtenFollowUpBy;
    private Instant writtenFollowUpAt;
    /** The written record that followed a verbal share up, as its sender wrote it (up to 20,000 characters). */
    @Column(length = 20000)
    private String writtenFollowUp;
    private boolean acknowledgementOverdue;
    private boolean writtenFollowUpOverdue;
    /**
     * Questions, answers and recorded uses, in order: one row each, so the thread has no total size one party can
     * exhaust (each entry is bounded where it is written). Read in one more query per page of shares.
     */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "share_view_thread", joinColumns = @JoinColumn(name = "share_id"))
    @OrderColumn(name = "position")
    private List<ThreadRow> thread = new ArrayList<>();

    protected ShareView() {
    }

    ShareView(String shareId, String childId, String senderAgency, String purpose, Instant sharedAt,
              Instant recordedAt, String correlationId, List<String> recipientAgencies, Content content,
              Instant acknowledgeBy, Instant writtenFollowUpBy, Map<String, Instant> acknowledgeByRecipient) {
        this.shareId = shareId;
        this.childId = childId;
        this.senderAgency = senderAgency;
        this.purpose = purpose;
        this.sharedAt = sharedAt;
        this.recordedAt = recordedAt;
        this.correlationId = correlationId;
        recipientAgencies.forEach(agency -> recipients.add(new Recipient(agency, null, null, null, RecipientStatus.NEW,
                acknowledgeByRecipient.get(agency), false)));
        this.content = content;
        this.urgency = content.details().urgency().name();
        this.acknowledgeBy = acknowledgeBy;
        this.writtenFollowUpBy = writtenFollowUpBy;
    }

    void followedUpInWriting(String writtenRecord, Instant at) {
        writtenFollowUp = writtenRecord;
        writtenFollowUpAt = at;
    }

    /** R12: the share was passed on to {@code agency} with a transfer package: a recipient by transfer. */
    void forwardedTo(String agency, String forwardedBy, String transferId) {
        if (recipient(agency).isEmpty()) {
            Recipient forwarded = new Recipient(agency, null, null, null, RecipientStatus.NEW, null, false);
            forwarded.forwardedBy = forwardedBy;
            forwarded.transferId = transferId;
            recipients.add(forwarded);
        }
    }

    /** The deadline passed for these recipients (each recipient has its own: a school's counts its open time). */
    void acknowledgementOverdue(List<String> overdueAgencies) {
        acknowledgementOverdue = true;
        recipients.replaceAll(r -> overdueAgencies.contains(r.agency) ? r.overdue() : r);
    }

    void writtenFollowUpOverdue() {
        writtenFollowUpOverdue = true;
    }

    void acknowledgedBy(String agency, Instant at) {
        recipients.replaceAll(r -> r.agency.equals(agency) && r.acknowledgedAt == null
                ? r.with(at, r.readAt, r.understoodAt, getThread()) : r);
    }

    void readBy(String agency, Instant at) {
        recipients.replaceAll(r -> r.agency.equals(agency) && r.readAt == null
                ? r.with(r.acknowledgedAt, at, r.understoodAt, getThread()) : r);
    }

    void understoodBy(String agency, Instant at) {
        recipients.replaceAll(r -> r.agency.equals(agency) && r.understoodAt == null
                ? r.with(r.acknowledgedAt, r.readAt, at, getThread()) : r);
    }

    /** A new entry on the thread: a question opens a clarification, an answer may close one. */
    void append(ThreadEntry entry) {
        thread.add(new ThreadRow(entry));
        if (entry.kind() == ThreadEntry.Kind.QUESTION) {
            openQuestions++;
        } else if (entry.kind() == ThreadEntry.Kind.ANSWER) {
            openQuestions = Math.max(0, openQuestions - 1);
        }
        List<ThreadEntry> entries = getThread();
        recipients.replaceAll(r -> r.with(r.acknowledgedAt, r.readAt, r.understoodAt, entries));
    }

    /** Questions, answers and recorded uses, in order. */
    public List<ThreadEntry> getThread() {
        return thread.stream().map(ThreadRow::entry).toList();
    }

    /** Where {@code agency} is with the share, if it is a recipient. */
    public Optional<Recipient> recipient(String agency) {
        return recipients.stream().filter(r -> r.agency.equals(agency)).findFirst();
    }

    /** R11: {@code agency}, a recipient, let its acknowledgement deadline pass without acknowledging. */
    public boolean isAcknowledgementOverdueFor(String agency) {
        return recipient(agency).map(r -> r.acknowledgementOverdue && r.acknowledgedAt == null).orElse(false);
    }

    /**
     * When {@code agency}, a recipient, must acknowledge: its own deadline (a school's), or the share's; none for a
     * recipient by transfer.
     */
    public Instant acknowledgeByFor(String agency) {
        Optional<Recipient> recipient = recipient(agency);
        if (recipient.isPresent() && recipient.get().forwardedBy != null) {
            // a recipient by transfer acknowledges the package, by its deadline, not each share
            return null;
        }
        return recipient.map(r -> r.acknowledgeBy).orElse(acknowledgeBy);
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

    /** What the share says: its statements, its details, and the plain-language warnings found in it. */
    public Content getContent() {
        return content;
    }

    /** How many questions recipients asked that the sender has not yet answered. */
    public int getOpenQuestions() {
        return openQuestions;
    }

    /** Whether the sender owes something: an answer to a question, or the written record of a verbal share. */
    public boolean isWaitingOnSender() {
        return openQuestions > 0 || (writtenFollowUpBy != null && writtenFollowUpAt == null);
    }

    public Instant getAcknowledgeBy() {
        return acknowledgeBy;
    }

    public Instant getWrittenFollowUpBy() {
        return writtenFollowUpBy;
    }

    public String getWrittenFollowUp() {
        return writtenFollowUp;
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

        public Content {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** One entry of a share's thread: a question, its answer, or a recorded use of the information. */
    /** @param plainLanguageWarnings jargon in a question or answer (R16); none for a recorded use, or one kept before */
    public record ThreadEntry(Kind kind, String questionId, String agency, String text, Instant at,
                              List<PlainLanguageWarning> plainLanguageWarnings) {
        public enum Kind { QUESTION, ANSWER, USE }

        public ThreadEntry {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** One entry of the thread as stored: a row of {@code share_view_thread}. */
    @Embeddable
    static class ThreadRow {
        @Enumerated(EnumType.STRING)
        private ThreadEntry.Kind kind;
        private String questionId;
        private String agency;
        @Column(length = 20000)
        private String text;
        @Column(name = "at")
        private Instant writtenAt;
        @Convert(converter = ViewJson.WarningsConverter.class)
        @Column(name = "warnings_json", length = ShareView.JSON_COLUMN)
        private List<PlainLanguageWarning> warnings = List.of();

        protected ThreadRow() {
        }

        ThreadRow(ThreadEntry entry) {
            kind = entry.kind();
            questionId = entry.questionId();
            agency = entry.agency();
            text = entry.text();
            writtenAt = entry.at();
            warnings = entry.plainLanguageWarnings();
        }

        ThreadEntry entry() {
            return new ThreadEntry(kind, questionId, agency, text, writtenAt, warnings);
        }
    }

    /** Where a recipient is with a share: the furthest step it has taken, or waiting on an answer. */
    public enum RecipientStatus { NEW, ACKNOWLEDGED, READ, UNDERSTOOD, CLARIFICATION_PENDING }

    /**
     * A recipient agency, when it acknowledged, read and understood the share (each null until it has), and its
     * status (stored, so an inbox can be filtered and paged by it).
     */
    @Embeddable
    public static class Recipient {
        private String agency;
        private Instant acknowledgedAt;
        private Instant readAt;
        private Instant understoodAt;
        @Enumerated(EnumType.STRING)
        private RecipientStatus status;
        /** Its own deadline, when not the share's (a school's); null: the share's. */
        private Instant acknowledgeBy;
        private boolean acknowledgementOverdue;
        /** For a recipient by transfer (R12): the agency that passed it on, and the transfer. */
        private String forwardedBy;
        private String transferId;

        protected Recipient() {
        }

        Recipient(String agency, Instant acknowledgedAt, Instant readAt, Instant understoodAt, RecipientStatus status,
                  Instant acknowledgeBy, boolean acknowledgementOverdue) {
            this.agency = agency;
            this.acknowledgedAt = acknowledgedAt;
            this.readAt = readAt;
            this.understoodAt = understoodAt;
            this.status = status;
            this.acknowledgeBy = acknowledgeBy;
            this.acknowledgementOverdue = acknowledgementOverdue;
        }

        Recipient overdue() {
            return copy(acknowledgedAt, readAt, understoodAt, status, true);
        }

        private Recipient copy(Instant acknowledgedAt, Instant readAt, Instant understoodAt, RecipientStatus status,
                               boolean overdue) {
            Recipient copy = new Recipient(agency, acknowledgedAt, readAt, understoodAt, status, acknowledgeBy,
                    overdue);
            copy.forwardedBy = forwardedBy;
            copy.transferId = transferId;
            return copy;
        }

        public String getForwardedBy() {
            return forwardedBy;
        }

        public String getTransferId() {
            return transferId;
        }

        Recipient with(Instant acknowledgedAt, Instant readAt, Instant understoodAt, List<ThreadEntry> thread) {
            boolean waiting = thread.stream().anyMatch(q -> q.kind() == ThreadEntry.Kind.QUESTION
                    && q.agency().equals(agency)
                    && thread.stream().noneMatch(a -> a.kind() == ThreadEntry.Kind.ANSWER
                            && a.questionId().equals(q.questionId())));
            RecipientStatus status = waiting ? RecipientStatus.CLARIFICATION_PENDING
                    : understoodAt != null ? RecipientStatus.UNDERSTOOD
                    : readAt != null ? RecipientStatus.READ
                    : acknowledgedAt != null ? RecipientStatus.ACKNOWLEDGED
                    : RecipientStatus.NEW;
            return copy(acknowledgedAt, readAt, understoodAt, status, acknowledgementOverdue);
        }

        public RecipientStatus getStatus() {
            return status;
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
