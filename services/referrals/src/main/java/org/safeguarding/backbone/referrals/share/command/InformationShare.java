package org.safeguarding.backbone.referrals.share.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.safeguarding.backbone.messaging.ConversationDeadlines.inThisConversation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeCorrection;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AnswerClarification;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ConfirmUnderstanding;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.CorrectStatement;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ForwardShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.MarkShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordConsentWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordFamilyInformed;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordInformationUse;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordWrittenFollowUp;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RequestClarification;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.VerifyStatement;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.WithdrawShare;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.AcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationAnswered;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationRequested;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ConsentWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.CorrectionAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.CorrectionAcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.FamilyInformed;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.FamilyInformedReviewDue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationUseRecorded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareCorrected;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareForwarded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.StatementVerified;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.UnderstandingConfirmed;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.WrittenFollowUpOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.WrittenFollowUpRecorded;

/**
 * One act of sharing information about a child, and what its recipients did with it. It sets its own deadlines
 * (acknowledgement; written follow-up of a verbal share) and, when one passes unmet, records that it is overdue.
 */
@Aggregate
public class InformationShare {

    static final String ACKNOWLEDGEMENT_DUE = "acknowledgement-due";
    /** A recipient's own acknowledgement deadline (a school's); its payload is the deadline, epoch milliseconds. */
    static final String RECIPIENT_ACKNOWLEDGEMENT_DUE = "recipient-acknowledgement-due";
    static final String WRITTEN_FOLLOW_UP_DUE = "written-follow-up-due";
    /** A correction's (or withdrawal's) acknowledgement deadline; its payload is "{correction}@{epoch millis}". */
    static final String CORRECTION_ACKNOWLEDGEMENT_DUE = "correction-acknowledgement-due";
    /** The day set to review telling the family has ended (R3). */
    static final String FAMILY_INFORMED_REVIEW_DUE = "family-informed-review-due";

    @AggregateIdentifier
    private String shareId;
    private String childId;
    private String senderAgency;
    private List<String> recipientAgencies;
    private final Set<String> acknowledgedBy = new LinkedHashSet<>();
    private Instant acknowledgeBy;
    /** Agencies the share was passed on to with a transfer package (R12): recipients by transfer. */
    private final Set<String> forwardedTo = new LinkedHashSet<>();
    /** Recipients due at another time than {@code acknowledgeBy} (schools). */
    private Map<String, Instant> acknowledgeByRecipient = Map.of();
    private Instant writtenFollowUpBy;
    private boolean followedUpInWriting;
    private final Set<String> readBy = new LinkedHashSet<>();
    private final Set<String> understoodBy = new LinkedHashSet<>();
    /** Open questions: question id to the recipient that asked it. */
    private final Map<String, String> openQuestions = new HashMap<>();
    private final Set<String> askedQuestions = new LinkedHashSet<>();
    private int statementCount;
    private ShareContent.Consent consent;
    private boolean familyInformedRecorded;
    private boolean consentWithdrawn;
    private boolean sharingJustifiedWithoutConsent;
    private Urgency urgency;
    private boolean withdrawn;
    /** Corrections and a withdrawal, numbered from 1 together. */
    private int corrections;
    /** For each correction, the agencies that have not acknowledged it yet and when each is due. */
    private final Map<Integer, Map<String, Instant>> unacknowledgedCorrections = new HashMap<>();

    protected InformationShare() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    public InformationShare(ShareInformation command, ShareDeadlines deadlines, PlainLanguageChecker plainLanguage,
                            DeadlineManager deadlineManager) {
        ShareRules.require(command);
        Instant acknowledgeBy = deadlines.acknowledgeBy(command.details().urgency(), command.occurredAt());
        Instant writtenFollowUpBy = deadlines.writtenFollowUpBy(command.details().channel(), command.occurredAt());
        Map<String, Instant> recipientDeadlines = deadlines.acknowledgeByRecipient(command.details().urgency(),
                command.occurredAt(), command.recipientAgencies());
        apply(new InformationShared(command.shareId(), command.childId(), command.senderAgency(),
                List.copyOf(command.recipientAgencies()), command.purpose(), List.copyOf(command.statements()),
                command.details(), command.occurredAt(), acknowledgeBy, writtenFollowUpBy,
                plainLanguage.check(ShareContent.freeText(command.purpose(), command.statements(),
                        command.details().childVoice())), recipientDeadlines));
        if (!recipientDeadlines.keySet().containsAll(command.recipientAgencies())) {
            deadlineManager.schedule(acknowledgeBy, ACKNOWLEDGEMENT_DUE);
        }
        recipientDeadlines.values().stream().distinct().forEach(due ->
                deadlineManager.schedule(due, RECIPIENT_ACKNOWLEDGEMENT_DUE,
                        inThisConversation(due.toEpochMilli())));
        if (writtenFollowUpBy != null) {
            deadlineManager.schedule(writtenFollowUpBy, WRITTEN_FOLLOW_UP_DUE);
        }
        ShareContent.Consent given = command.details().consent();
        if (!given.familyInformed() && given.reviewFamilyInformedBy() != null) {
            Instant reviewAt = deadlines.reviewFamilyInformedAt(given.reviewFamilyInformedBy());
            deadlineManager.schedule(reviewAt, FAMILY_INFORMED_REVIEW_DUE, inThisConversation(reviewAt.toEpochMilli()));
        }
    }

    /** R3: the sender records when and how the family was told; once. */
    @CommandHandler
    public void handle(RecordFamilyInformed command, PlainLanguageChecker plainLanguage) {
        requireSender(command.agency(), "record that the family was told");
        if (familyInformedRecorded) {
            return;
        }
        apply(new FamilyInformed(shareId, childId, senderAgency, holders(), command.informedAt(), command.how(),
                command.occurredAt(), plainLanguage.check("how", command.how())));
    }

    /**
     * R3: the sender records that the consent the share was made under was withdrawn; once. Every agency holding
     * the share is told; it is passed on no further unless a safeguarding justification is recorded with it.
     */
    @CommandHandler
    public void handle(RecordConsentWithdrawn command, PlainLanguageChecker plainLanguage) {
        requireSender(command.agency(), "record that consent was withdrawn");
        if (consent.status() != ShareContent.ConsentStatus.GIVEN) {
            throw new ShareRules.ConsentNotGiven(shareId, consent.status());
        }
        if (consentWithdrawn) {
            return;
        }
        // no justification: no warnings for it (the checker takes a missing text as nothing to check)
        List<PlainLanguageWarning> warnings = new ArrayList<>(plainLanguage.check("reason", command.reason()));
        warnings.addAll(plainLanguage.check("safeguardingJustification", command.safeguardingJustification()));
        apply(new ConsentWithdrawn(shareId, childId, senderAgency, holders(), command.withdrawnAt(),
                command.reason(), command.safeguardingJustification(), command.occurredAt(), warnings));
    }

    /** R3: the day set to review telling the family ended with the family still not told: remind the sender. */
    @DeadlineHandler(deadlineName = FAMILY_INFORMED_REVIEW_DUE)
    void familyInformedReviewDue(Long reviewAtMillis) {
        if (!familyInformedRecorded) {
            apply(new FamilyInformedReviewDue(shareId, childId, senderAgency, consent.reviewFamilyInformedBy(),
                    Instant.ofEpochMilli(reviewAtMillis)));
        }
    }

    /** Acknowledging twice records nothing new: the first acknowledgement is the fact. */
    @CommandHandler
    public void handle(AcknowledgeShare command) {
        requireRecipient(command.agency(), "acknowledge it");
        if (acknowledgedBy.contains(command.agency())) {
            return;
        }
        apply(new ShareAcknowledged(shareId, childId, command.agency(), command.occurredAt()));
    }

    /**
     * R12: the agency a child left passes the share on to the agency it joined, with the transfer package, if it
     * holds it (sent it, received it, or had it passed on itself); passing it to an agency that holds it already
     * changes nothing.
     */
    @CommandHandler
    public void handle(ForwardShare command) {
        if (!holds(command.forwardedBy())) {
            throw new ShareRules.NotHeldBy(shareId, command.forwardedBy());
        }
        if (holds(command.forwardedTo()) || withdrawn || (consentWithdrawn && !sharingJustifiedWithoutConsent)) {
            // a withdrawn share is not passed on; nor one whose consent was withdrawn, unless that was justified
            return;
        }
        apply(new ShareForwarded(shareId, childId, senderAgency, command.forwardedBy(), command.forwardedTo(),
                command.transferId(), command.occurredAt()));
    }

    private boolean holds(String agency) {
        return senderAgency.equals(agency) || recipientAgencies.contains(agency) || forwardedTo.contains(agency);
    }

    /** R7: only the sender writes up its own verbal share, once; a written share has nothing to follow up. */
    @CommandHandler
    public void handle(RecordWrittenFollowUp command, PlainLanguageChecker plainLanguage) {
        requireSender(command.agency(), "follow it up in writing");
        if (writtenFollowUpBy == null) {
            throw new ShareRules.NotVerbal(shareId);
        }
        if (followedUpInWriting) {
            return;
        }
        apply(new WrittenFollowUpRecorded(shareId, childId, senderAgency, recipientAgencies, command.writtenRecord(),
                command.occurredAt(), plainLanguage.check("writtenRecord", command.writtenRecord())));
    }

    /** Reading implies having received: a share read before it was acknowledged is acknowledged too. */
    @CommandHandler
    public void handle(MarkShareRead command) {
        requireRecipient(command.agency(), "mark it read");
        acknowledgeIfNeeded(command.agency(), command.occurredAt());
        if (!readBy.contains(command.agency())) {
            apply(new ShareRead(shareId, childId, command.agency(), senderAgency, command.occurredAt()));
        }
    }

    @CommandHandler
    public void handle(ConfirmUnderstanding command, PlainLanguageChecker plainLanguage) {
        requireRecipient(command.agency(), "confirm understanding of it");
        if (understoodBy.contains(command.agency())) {
            return;
        }
        if (openQuestions.containsValue(command.agency()) && (command.note() == null || command.note().isBlank())) {
            throw new ShareRules.QuestionStillOpen(shareId, command.agency());
        }
        acknowledgeIfNeeded(command.agency(), command.occurredAt());
        if (!readBy.contains(command.agency())) {
            apply(new ShareRead(shareId, childId, command.agency(), senderAgency, command.occurredAt()));
        }
        apply(new UnderstandingConfirmed(shareId, childId, command.agency(), senderAgency, command.note(),
                command.occurredAt(), plainLanguage.check("note", command.note())));
    }

    /** Asking again with the same question id (a retried request) records nothing new. */
    @CommandHandler
    public void handle(RequestClarification command, PlainLanguageChecker plainLanguage) {
        requireRecipient(command.agency(), "ask a question about it");
        requireNotWithdrawn("asked about");
        if (askedQuestions.contains(command.questionId())) {
            return;
        }
        apply(new ClarificationRequested(shareId, childId, command.agency(), senderAgency, command.questionId(),
                command.question(), command.occurredAt(), plainLanguage.check("question", command.question())));
    }

    @CommandHandler
    public void handle(AnswerClarification command, PlainLanguageChecker plainLanguage) {
        requireSender(command.agency(), "answer questions about it");
        String askedBy = openQuestions.get(command.questionId());
        if (askedBy == null) {
            throw new ShareRules.NoOpenQuestion(shareId, command.questionId());
        }
        apply(new ClarificationAnswered(shareId, childId, senderAgency, askedBy, command.questionId(),
                command.answer(), command.occurredAt(), plainLanguage.check("answer", command.answer())));
    }

    /** R17: may be recorded more than once, as the information goes on informing the work. */
    @CommandHandler
    public void handle(RecordInformationUse command, PlainLanguageChecker plainLanguage) {
        requireRecipient(command.agency(), "record how it used it");
        requireNotWithdrawn("used");
        apply(new InformationUseRecorded(shareId, childId, command.agency(), senderAgency, command.howUsed(),
                command.occurredAt(), plainLanguage.check("howUsed", command.howUsed())));
    }

    /**
     * R4, R5: the sender corrects a statement, saying why. The original stays on the record; every agency holding
     * the share must acknowledge the correction, by the share's deadline rules counted from now.
     */
    @CommandHandler
    public void handle(CorrectStatement command, ShareDeadlines deadlines, PlainLanguageChecker plainLanguage,
                       DeadlineManager deadlineManager) {
        requireSender(command.agency(), "correct it");
        requireNotWithdrawn("corrected");
        requireStatement(command.statementIndex());
        ShareRules.requireClassified(command.corrected(), "corrected");
        int correction = corrections + 1;
        List<String> holders = holders();
        CorrectionDue due = CorrectionDue.of(deadlines, urgency, command.occurredAt(), holders);
        Map<String, String> text = new LinkedHashMap<>();
        text.put("corrected.text", command.corrected().text());
        text.put("reason", command.reason());
        apply(new ShareCorrected(shareId, childId, senderAgency, holders, correction, command.statementIndex(),
                command.corrected(), command.reason(), due.due(), due.byRecipient(), plainLanguage.check(text),
                command.occurredAt()));
        due.schedule(correction, holders, deadlineManager);
    }

    /**
     * R4, R5: the sender withdraws the share, saying why; withdrawing it again changes nothing. Every agency
     * holding it must acknowledge the withdrawal, by the share's deadline rules counted from now.
     */
    @CommandHandler
    public void handle(WithdrawShare command, ShareDeadlines deadlines, DeadlineManager deadlineManager,
                       PlainLanguageChecker plainLanguage) {
        requireSender(command.agency(), "withdraw it");
        if (withdrawn) {
            return;
        }
        int correction = corrections + 1;
        List<String> holders = holders();
        CorrectionDue due = CorrectionDue.of(deadlines, urgency, command.occurredAt(), holders);
        apply(new ShareWithdrawn(shareId, childId, senderAgency, holders, correction, command.reason(), due.due(),
                due.byRecipient(), command.occurredAt(), plainLanguage.check("reason", command.reason())));
        due.schedule(correction, holders, deadlineManager);
    }

    /** A recipient acknowledges a correction or the withdrawal; again changes nothing. */
    @CommandHandler
    public void handle(AcknowledgeCorrection command) {
        requireRecipient(command.agency(), "acknowledge its corrections");
        if (command.correction() < 1 || command.correction() > corrections) {
            throw new ShareRules.NoSuchCorrection(shareId, command.correction());
        }
        Map<String, Instant> waiting = unacknowledgedCorrections.getOrDefault(command.correction(), Map.of());
        if (waiting.containsKey(command.agency())) {
            apply(new CorrectionAcknowledged(shareId, childId, command.agency(), senderAgency, command.correction(),
                    command.occurredAt()));
        }
    }

    /** R5: an agency holding the share records that a statement has since been verified or corroborated. */
    @CommandHandler
    public void handle(VerifyStatement command) {
        if (!holds(command.agency())) {
            throw new ShareRules.NotARecipient(shareId, command.agency(), "record how its statements were verified");
        }
        if (command.verification() == ShareContent.Verification.UNVERIFIED) {
            throw new Invalid("statement-not-verified", "A statement is later recorded as VERIFIED or CORROBORATED, "
                    + "not as unverified.", "verification");
        }
        requireStatement(command.statementIndex());
        apply(new StatementVerified(shareId, childId, command.agency(), senderAgency, command.statementIndex(),
                command.verification(), command.verifiedBy(), command.occurredAt()));
    }

    /**
     * Every agency holding the share but its sender: its recipients, then the recipients by transfer (never a
     * recipient already: a share is not passed to an agency that holds it).
     */
    private List<String> holders() {
        List<String> holders = new ArrayList<>(recipientAgencies);
        holders.addAll(forwardedTo);
        return List.copyOf(holders);
    }

    private void requireStatement(int statementIndex) {
        if (statementIndex < 0 || statementIndex >= statementCount) {
            throw new ShareRules.NoSuchStatement(shareId, statementIndex, statementCount);
        }
    }

    /**
     * When the holders must acknowledge a correction made at a time: the share's deadline rules counted from then,
     * {@code byRecipient} for those due at another time (schools).
     */
    private record CorrectionDue(Instant due, Map<String, Instant> byRecipient) {

        static CorrectionDue of(ShareDeadlines deadlines, Urgency urgency, Instant at, List<String> holders) {
            return new CorrectionDue(deadlines.acknowledgeBy(urgency, at),
                    deadlines.acknowledgeByRecipient(urgency, at, holders));
        }

        /** One deadline per distinct time, its payload "{correction}@{epoch millis}". */
        void schedule(int correction, List<String> holders, DeadlineManager deadlineManager) {
            Set<Instant> dues = new LinkedHashSet<>(byRecipient.values());
            if (!byRecipient.keySet().containsAll(holders)) {
                dues.add(due);
            }
            dues.forEach(at -> deadlineManager.schedule(at, CORRECTION_ACKNOWLEDGEMENT_DUE,
                    inThisConversation(correction + "@" + at.toEpochMilli())));
        }
    }

    private void requireNotWithdrawn(String act) {
        if (withdrawn) {
            throw new ShareRules.Withdrawn(shareId, act);
        }
    }

    /** A correction's deadline: the agencies due then that have not acknowledged it. */
    @DeadlineHandler(deadlineName = CORRECTION_ACKNOWLEDGEMENT_DUE)
    void correctionAcknowledgementDue(String correctionAndDue) {
        int correction = Integer.parseInt(correctionAndDue.substring(0, correctionAndDue.indexOf('@')));
        Instant due = Instant.ofEpochMilli(Long.parseLong(correctionAndDue.substring(correctionAndDue.indexOf('@') + 1)));
        List<String> outstanding = unacknowledgedCorrections.getOrDefault(correction, Map.of()).entrySet().stream()
                .filter(waiting -> waiting.getValue().equals(due))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
        if (!outstanding.isEmpty()) {
            apply(new CorrectionAcknowledgementOverdue(shareId, childId, senderAgency, correction, outstanding, due,
                    due));
        }
    }

    /** {@code act} says what the agency tried to do, for the refusal's message: "confirm understanding of it". */
    private void requireRecipient(String agency, String act) {
        if (!recipientAgencies.contains(agency) && !forwardedTo.contains(agency)) {
            throw new ShareRules.NotARecipient(shareId, agency, act);
        }
    }

    private void requireSender(String agency, String act) {
        if (!senderAgency.equals(agency)) {
            throw new ShareRules.NotTheSender(shareId, agency, act);
        }
    }

    private void acknowledgeIfNeeded(String agency, Instant at) {
        if (!acknowledgedBy.contains(agency)) {
            apply(new ShareAcknowledged(shareId, childId, agency, at));
        }
    }

    /** The share's deadline: the recipients due then (every one, but schools) that have not acknowledged. */
    @DeadlineHandler(deadlineName = ACKNOWLEDGEMENT_DUE)
    void acknowledgementDue() {
        overdueAt(acknowledgeBy);
    }

    /** A school's deadline, counted in the time it is open: the recipients due then that have not acknowledged. */
    @DeadlineHandler(deadlineName = RECIPIENT_ACKNOWLEDGEMENT_DUE)
    void recipientAcknowledgementDue(Long dueAtMillis) {
        overdueAt(Instant.ofEpochMilli(dueAtMillis));
    }

    private void overdueAt(Instant due) {
        List<String> outstanding = recipientAgencies.stream()
                .filter(r -> !acknowledgedBy.contains(r))
                .filter(r -> acknowledgeByRecipient.getOrDefault(r, acknowledgeBy).equals(due))
                .toList();
        if (!outstanding.isEmpty()) {
            apply(new AcknowledgementOverdue(shareId, childId, senderAgency, outstanding, due, due));
        }
    }

    @DeadlineHandler(deadlineName = WRITTEN_FOLLOW_UP_DUE)
    void writtenFollowUpDue() {
        if (!followedUpInWriting) {
            apply(new WrittenFollowUpOverdue(shareId, childId, senderAgency, writtenFollowUpBy, writtenFollowUpBy));
        }
    }

    @EventSourcingHandler
    void on(InformationShared event) {
        shareId = event.shareId();
        childId = event.childId();
        senderAgency = event.senderAgency();
        recipientAgencies = event.recipientAgencies();
        acknowledgeBy = event.acknowledgeBy();
        acknowledgeByRecipient = event.acknowledgeByRecipient();
        writtenFollowUpBy = event.writtenFollowUpBy();
        statementCount = event.statements().size();
        consent = event.details().consent();
        familyInformedRecorded = consent.familyInformed();
        urgency = event.details().urgency();
    }

    @EventSourcingHandler
    void on(FamilyInformed event) {
        familyInformedRecorded = true;
    }

    @EventSourcingHandler
    void on(ConsentWithdrawn event) {
        consentWithdrawn = true;
        sharingJustifiedWithoutConsent = event.safeguardingJustification() != null
                && !event.safeguardingJustification().isBlank();
    }

    @EventSourcingHandler
    void on(ShareCorrected event) {
        corrections = event.correction();
        awaitAcknowledgement(event.correction(), event.recipientAgencies(), event.acknowledgeBy(),
                event.acknowledgeByRecipient());
    }

    @EventSourcingHandler
    void on(ShareWithdrawn event) {
        corrections = event.correction();
        withdrawn = true;
        awaitAcknowledgement(event.correction(), event.recipientAgencies(), event.acknowledgeBy(),
                event.acknowledgeByRecipient());
    }

    private void awaitAcknowledgement(int correction, List<String> holders, Instant due,
                                      Map<String, Instant> dueByRecipient) {
        Map<String, Instant> waiting = new HashMap<>();
        holders.forEach(agency -> waiting.put(agency, dueByRecipient.getOrDefault(agency, due)));
        unacknowledgedCorrections.put(correction, waiting);
    }

    @EventSourcingHandler
    void on(CorrectionAcknowledged event) {
        unacknowledgedCorrections.getOrDefault(event.correction(), new HashMap<>()).remove(event.recipientAgency());
    }

    @EventSourcingHandler
    void on(ShareForwarded event) {
        forwardedTo.add(event.forwardedTo());
    }

    @EventSourcingHandler
    void on(ShareAcknowledged event) {
        acknowledgedBy.add(event.recipientAgency());
    }

    @EventSourcingHandler
    void on(ShareRead event) {
        readBy.add(event.recipientAgency());
    }

    @EventSourcingHandler
    void on(UnderstandingConfirmed event) {
        understoodBy.add(event.recipientAgency());
    }

    @EventSourcingHandler
    void on(ClarificationRequested event) {
        askedQuestions.add(event.questionId());
        openQuestions.put(event.questionId(), event.recipientAgency());
    }

    @EventSourcingHandler
    void on(ClarificationAnswered event) {
        openQuestions.remove(event.questionId());
    }

    @EventSourcingHandler
    void on(WrittenFollowUpRecorded event) {
        followedUpInWriting = true;
    }
}
