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
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.hibernate.annotations.Fetch;
import org.hibernate.annotations.FetchMode;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.persistence.PlainLanguageWarningsColumn;
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
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> purpose;
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
    private ChildContent<Content> content;
    private Instant acknowledgeBy;
    /** The share's urgency, kept beside its content so an inbox can be ordered by it. */
    private String urgency;
    /** Questions recipients asked that the sender has not yet answered: the sender's worklist. */
    private int openQuestions;
    private Instant writtenFollowUpBy;
    private Instant writtenFollowUpAt;
    /** The written record that followed a verbal share up, as its sender wrote it (up to 20,000 characters). */
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_20000)
    private ChildContent<String> writtenFollowUp;
    /** Jargon found in the written record (R16). */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "written_follow_up_warnings")
    private List<PlainLanguageWarning> writtenFollowUpWarnings = List.of();
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

    /** When and why the sender withdrew the share (R4, R5); null while it stands. */
    private Instant withdrawnAt;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> withdrawalReason;

    /** R3: when and how the family was told, as the sender recorded it after the share; null until then. */
    private Instant familyInformedAt;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> familyInformedHow;
    /** Jargon found in how the family was told (R16). */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "family_informed_warnings")
    private List<PlainLanguageWarning> familyInformedWarnings = List.of();
    /** R3: the date set to review telling the family passed with the family still not told. */
    private boolean familyReviewDue;
    /** R3: consent withdrawn after the share, why, and the justification for going on sharing (null: none). */
    private Instant consentWithdrawnAt;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> consentWithdrawalReason;
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_4000)
    private ChildContent<String> consentWithdrawalJustification;
    /** Jargon found in the reason and the justification (R16). */
    @Convert(converter = PlainLanguageWarningsColumn.class)
    @Column(name = "consent_withdrawal_warnings")
    private List<PlainLanguageWarning> consentWithdrawalWarnings = List.of();

    /** Corrections and the withdrawal, in order, one row each, with where each agency is with acknowledging it. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "share_view_correction", joinColumns = @JoinColumn(name = "share_id"))
    @OrderColumn(name = "position")
    private List<CorrectionRow> corrections = new ArrayList<>();

    /** Statements since verified or corroborated (R5), in order, one row each. */
    @ElementCollection(fetch = FetchType.EAGER)
    @Fetch(FetchMode.SUBSELECT)
    @CollectionTable(name = "share_view_verification", joinColumns = @JoinColumn(name = "share_id"))
    @OrderColumn(name = "position")
    private List<VerificationRow> verifications = new ArrayList<>();

    protected ShareView() {
    }

    ShareView(String shareId, String childId, String senderAgency, String purpose, Instant sharedAt,
              Instant recordedAt, String correlationId, List<String> recipientAgencies, Content content,
              Instant acknowledgeBy, Instant writtenFollowUpBy, Map<String, Instant> acknowledgeByRecipient) {
        this.shareId = shareId;
        this.childId = childId;
        this.senderAgency = senderAgency;
        this.purpose = ChildContent.of(childId, purpose);
        this.sharedAt = sharedAt;
        this.recordedAt = recordedAt;
        this.correlationId = correlationId;
        recipientAgencies.forEach(agency -> recipients.add(new Recipient(agency, null, null, null, RecipientStatus.NEW,
                acknowledgeByRecipient.get(agency), false)));
        this.content = ChildContent.of(childId, content);
        this.urgency = content.details().urgency().name();
        this.acknowledgeBy = acknowledgeBy;
        this.writtenFollowUpBy = writtenFollowUpBy;
    }

    void followedUpInWriting(String writtenRecord, List<PlainLanguageWarning> warnings, Instant at) {
        writtenFollowUp = ChildContent.of(childId, writtenRecord);
        writtenFollowUpWarnings = List.copyOf(warnings);
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
        thread.add(new ThreadRow(childId, entry));
        if (entry.kind() == ThreadEntry.Kind.QUESTION) {
            openQuestions++;
        } else if (entry.kind() == ThreadEntry.Kind.ANSWER) {
            openQuestions = Math.max(0, openQuestions - 1);
        }
        List<ThreadEntry> entries = getThread();
        recipients.replaceAll(r -> r.with(r.acknowledgedAt, r.readAt, r.understoodAt, entries));
    }

    /** R4, R5: a correction or the withdrawal; each agency holding the share now owes its acknowledgement. */
    void corrected(Correction correction) {
        corrections.add(new CorrectionRow(childId, correction));
        if (correction.kind() == CorrectionKind.WITHDRAWN) {
            withdrawnAt = correction.correctedAt();
            withdrawalReason = ChildContent.of(childId, correction.reason());
        }
        refreshCorrectionsOwed();
    }

    void correctionAcknowledged(int correction, String agency, Instant at) {
        corrections.stream().filter(row -> row.correction == correction)
                .forEach(row -> row.recipients = row.recipients.stream().map(r -> r.agency().equals(agency)
                        && r.acknowledgedAt() == null ? new CorrectionRecipient(r.agency(), r.acknowledgeBy(), at,
                        r.overdue()) : r).toList());
        refreshCorrectionsOwed();
    }

    void correctionOverdue(int correction, List<String> agencies) {
        corrections.stream().filter(row -> row.correction == correction)
                .forEach(row -> row.recipients = row.recipients.stream().map(r -> agencies.contains(r.agency())
                        ? new CorrectionRecipient(r.agency(), r.acknowledgeBy(), r.acknowledgedAt(), true) : r)
                        .toList());
        refreshCorrectionsOwed();
    }

    void familyInformed(Instant at, String how, List<PlainLanguageWarning> warnings) {
        familyInformedAt = at;
        familyInformedWarnings = List.copyOf(warnings);
        familyInformedHow = ChildContent.of(childId, how);
        familyReviewDue = false;
    }

    void familyReviewDue() {
        familyReviewDue = familyInformedAt == null;
    }

    void consentWithdrawn(Instant at, String reason, String justification, List<PlainLanguageWarning> warnings) {
        consentWithdrawnAt = at;
        consentWithdrawalWarnings = List.copyOf(warnings);
        consentWithdrawalReason = ChildContent.of(childId, reason);
        consentWithdrawalJustification = ChildContent.of(childId, justification);
    }

    public List<PlainLanguageWarning> getConsentWithdrawalWarnings() {
        return consentWithdrawalWarnings;
    }

    public List<PlainLanguageWarning> getFamilyInformedWarnings() {
        return familyInformedWarnings;
    }

    public Instant getFamilyInformedAt() {
        return familyInformedAt;
    }

    public String getFamilyInformedHow() {
        return ChildContent.valueOf(familyInformedHow);
    }

    public boolean isFamilyReviewDue() {
        return familyReviewDue;
    }

    public Instant getConsentWithdrawnAt() {
        return consentWithdrawnAt;
    }

    public String getConsentWithdrawalReason() {
        return ChildContent.valueOf(consentWithdrawalReason);
    }

    public String getConsentWithdrawalJustification() {
        return ChildContent.valueOf(consentWithdrawalJustification);
    }

    void verified(LaterVerification verification) {
        verifications.add(new VerificationRow(verification));
    }

    /** Each recipient's earliest unacknowledged correction, and whether one is overdue: for its status and inbox. */
    private void refreshCorrectionsOwed() {
        List<Correction> all = getCorrections();
        List<ThreadEntry> entries = getThread();
        recipients.replaceAll(r -> {
            List<CorrectionRecipient> owed = all.stream().flatMap(c -> c.recipients().stream())
                    .filter(c -> c.agency().equals(r.agency) && c.acknowledgedAt() == null).toList();
            Recipient updated = r.owingCorrections(owed.stream().map(CorrectionRecipient::acknowledgeBy)
                    .min(Instant::compareTo).orElse(null), owed.stream().anyMatch(CorrectionRecipient::overdue));
            return updated.with(updated.acknowledgedAt, updated.readAt, updated.understoodAt, entries);
        });
    }

    /** The corrections and the withdrawal, in order. */
    public List<Correction> getCorrections() {
        return corrections.stream().map(CorrectionRow::correction).toList();
    }

    /** The statements verified or corroborated since the share was made, in order. */
    public List<LaterVerification> getLaterVerifications() {
        return verifications.stream().map(VerificationRow::verification).toList();
    }

    /**
     * The statements as they now stand: each correction applied in turn, and a verification recorded since the
     * statement's last correction. The statements as shared stay in {@link #getContent()}.
     */
    public List<ShareContent.Statement> statementsAsCorrected() {
        List<ShareContent.Statement> statements = new ArrayList<>(getContent().statements());
        List<Instant> lastCorrected = new ArrayList<>(Collections.nCopies(statements.size(), (Instant) null));
        for (Correction correction : getCorrections()) {
            if (correction.kind() == CorrectionKind.STATEMENT_CORRECTED) {
                statements.set(correction.statementIndex(), correction.corrected());
                lastCorrected.set(correction.statementIndex(), correction.correctedAt());
            }
        }
        for (LaterVerification verification : getLaterVerifications()) {
            Instant since = lastCorrected.get(verification.statementIndex());
            if (since == null || !verification.at().isBefore(since)) {
                ShareContent.Statement s = statements.get(verification.statementIndex());
                statements.set(verification.statementIndex(), new ShareContent.Statement(s.text(), s.kind(),
                        s.currency(), s.historicalRelevance(), s.source(), verification.verification(),
                        verification.verifiedBy()));
            }
        }
        return List.copyOf(statements);
    }

    public Instant getWithdrawnAt() {
        return withdrawnAt;
    }

    public String getWithdrawalReason() {
        return ChildContent.valueOf(withdrawalReason);
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
        return ChildContent.valueOf(purpose);
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
        return ChildContent.valueOf(content);
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
        return ChildContent.valueOf(writtenFollowUp);
    }

    public List<PlainLanguageWarning> getWrittenFollowUpWarnings() {
        return writtenFollowUpWarnings;
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

    /**
     * One entry of a share's thread: a question, its answer, a recorded use of the information, or the note a recipient
     * gave as it confirmed it understood the share.
     *
     * @param plainLanguageWarnings jargon in its text (R16); none in an entry kept before it was checked
     */
    public record ThreadEntry(Kind kind, String questionId, String agency, String text, Instant at,
                              List<PlainLanguageWarning> plainLanguageWarnings) {
        /** {@code UNDERSTANDING}: the note a recipient gave as it confirmed it understood the share (R9). */
        public enum Kind { QUESTION, ANSWER, USE, UNDERSTANDING }

        public ThreadEntry {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    public enum CorrectionKind { STATEMENT_CORRECTED, WITHDRAWN }

    /** Where one agency holding the share is with acknowledging a correction. */
    public record CorrectionRecipient(String agency, Instant acknowledgeBy, Instant acknowledgedAt, boolean overdue) {
    }

    /**
     * A correction of one statement, or the withdrawal of the share, numbered from 1 together.
     *
     * @param statementIndex and {@code corrected}: the statement corrected, as it should read; null for a withdrawal
     */
    public record Correction(int correction, CorrectionKind kind, Integer statementIndex,
                             ShareContent.Statement corrected, String reason, Instant correctedAt,
                             Instant acknowledgeBy, List<PlainLanguageWarning> plainLanguageWarnings,
                             List<CorrectionRecipient> recipients) {
    }

    /** R5: a statement verified or corroborated after the share was made, by whom, recorded by which agency. */
    public record LaterVerification(int statementIndex, ShareContent.Verification verification, String verifiedBy,
                                    String agency, Instant at) {
    }

    /** A correction as stored: a row of {@code share_view_correction}. */
    @Embeddable
    static class CorrectionRow {
        private int correction;
        @Enumerated(EnumType.STRING)
        private CorrectionKind kind;
        private Integer statementIndex;
        @Convert(converter = ViewJson.StatementConverter.class)
        @Column(name = "statement_json", length = SealedColumn.LENGTH_20000)
        private ChildContent<ShareContent.Statement> corrected;
        @Convert(converter = SealedColumn.Text.class)
        @Column(length = SealedColumn.LENGTH_4000)
        private ChildContent<String> reason;
        private Instant correctedAt;
        private Instant acknowledgeBy;
        @Convert(converter = ViewJson.WarningsConverter.class)
        @Column(name = "warnings_json", length = ShareView.JSON_COLUMN)
        private List<PlainLanguageWarning> warnings = List.of();
        @Convert(converter = ViewJson.CorrectionRecipientsConverter.class)
        @Column(name = "recipients_json", length = 100_000)
        private List<CorrectionRecipient> recipients = List.of();

        protected CorrectionRow() {
        }

        CorrectionRow(String childId, Correction c) {
            correction = c.correction();
            kind = c.kind();
            statementIndex = c.statementIndex();
            corrected = ChildContent.of(childId, c.corrected());
            reason = ChildContent.of(childId, c.reason());
            correctedAt = c.correctedAt();
            acknowledgeBy = c.acknowledgeBy();
            warnings = c.plainLanguageWarnings();
            recipients = c.recipients();
        }

        Correction correction() {
            return new Correction(correction, kind, statementIndex, ChildContent.valueOf(corrected),
                    ChildContent.valueOf(reason), correctedAt, acknowledgeBy,
                    warnings, recipients);
        }
    }

    /** A later verification as stored: a row of {@code share_view_verification}. */
    @Embeddable
    static class VerificationRow {
        private int statementIndex;
        @Enumerated(EnumType.STRING)
        private ShareContent.Verification verification;
        @Column(length = 200)
        private String verifiedBy;
        private String agency;
        @Column(name = "at")
        private Instant verifiedAt;

        protected VerificationRow() {
        }

        VerificationRow(LaterVerification v) {
            statementIndex = v.statementIndex();
            verification = v.verification();
            verifiedBy = v.verifiedBy();
            agency = v.agency();
            verifiedAt = v.at();
        }

        LaterVerification verification() {
            return new LaterVerification(statementIndex, verification, verifiedBy, agency, verifiedAt);
        }
    }

    /** One entry of the thread as stored: a row of {@code share_view_thread}. */
    @Embeddable
    static class ThreadRow {
        @Enumerated(EnumType.STRING)
        private ThreadEntry.Kind kind;
        private String questionId;
        private String agency;
        @Convert(converter = SealedColumn.Text.class)
        @Column(length = SealedColumn.LENGTH_20000)
        private ChildContent<String> text;
        @Column(name = "at")
        private Instant writtenAt;
        @Convert(converter = ViewJson.WarningsConverter.class)
        @Column(name = "warnings_json", length = ShareView.JSON_COLUMN)
        private List<PlainLanguageWarning> warnings = List.of();

        protected ThreadRow() {
        }

        ThreadRow(String childId, ThreadEntry entry) {
            kind = entry.kind();
            questionId = entry.questionId();
            agency = entry.agency();
            text = ChildContent.of(childId, entry.text());
            writtenAt = entry.at();
            warnings = entry.plainLanguageWarnings();
        }

        ThreadEntry entry() {
            return new ThreadEntry(kind, questionId, agency, ChildContent.valueOf(text), writtenAt, warnings);
        }
    }

    /** Where a recipient is with a share: the furthest step it has taken, or waiting on an answer. */
    public enum RecipientStatus { NEW, ACKNOWLEDGED, READ, UNDERSTOOD, CLARIFICATION_PENDING, CORRECTION_PENDING }

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
        /** The earliest deadline of a correction it has not acknowledged (null: none waiting); one passed. */
        private Instant correctionDueBy;
        private boolean correctionOverdue;

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
            copy.correctionDueBy = correctionDueBy;
            copy.correctionOverdue = correctionOverdue;
            return copy;
        }

        Recipient owingCorrections(Instant dueBy, boolean overdue) {
            Recipient copy = copy(acknowledgedAt, readAt, understoodAt, status, acknowledgementOverdue);
            copy.correctionDueBy = dueBy;
            copy.correctionOverdue = overdue;
            return copy;
        }

        public Instant getCorrectionDueBy() {
            return correctionDueBy;
        }

        public boolean isCorrectionOverdue() {
            return correctionOverdue && correctionDueBy != null;
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
            RecipientStatus status = correctionDueBy != null ? RecipientStatus.CORRECTION_PENDING
                    : waiting ? RecipientStatus.CLARIFICATION_PENDING
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
