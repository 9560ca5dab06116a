package org.safeguarding.backbone.referrals.share.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.safeguarding.backbone.messaging.ConversationDeadlines.inThisConversation;

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AnswerClarification;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ConfirmUnderstanding;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ForwardShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.MarkShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordInformationUse;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RequestClarification;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordWrittenFollowUp;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.AcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationAnswered;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationRequested;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationUseRecorded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.UnderstandingConfirmed;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareForwarded;
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
        if (holds(command.forwardedTo())) {
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
    public void handle(RecordWrittenFollowUp command) {
        requireSender(command.agency(), "follow it up in writing");
        if (writtenFollowUpBy == null) {
            throw new ShareRules.NotVerbal(shareId);
        }
        if (followedUpInWriting) {
            return;
        }
        apply(new WrittenFollowUpRecorded(shareId, childId, senderAgency, recipientAgencies, command.writtenRecord(),
                command.occurredAt()));
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
    public void handle(ConfirmUnderstanding command) {
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
                command.occurredAt()));
    }

    /** Asking again with the same question id (a retried request) records nothing new. */
    @CommandHandler
    public void handle(RequestClarification command, PlainLanguageChecker plainLanguage) {
        requireRecipient(command.agency(), "ask a question about it");
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
    public void handle(RecordInformationUse command) {
        requireRecipient(command.agency(), "record how it used it");
        apply(new InformationUseRecorded(shareId, childId, command.agency(), senderAgency, command.howUsed(),
                command.occurredAt()));
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
