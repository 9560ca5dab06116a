package org.safeguarding.backbone.referrals.request.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.safeguarding.backbone.messaging.ConversationDeadlines.inThisConversation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.AnswerRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.DeclineRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.RequestInformation;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestAnswered;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestEscalated;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequestOverdue;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.InformationRequested;
import org.safeguarding.backbone.referrals.request.api.RequestEvents.SharingDeclined;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/** A request from one agency to another for information about a child, until it is answered or declined. */
@Aggregate
public class InformationRequest {

    @AggregateIdentifier
    private String requestId;
    private String childId;
    private String requestingAgency;
    private String holderAgency;
    private boolean decided;
    private LocalDate respondBy;

    /** The deadline that chases a request not answered; its payload is the step, 0 for the reply date's end. */
    static final String CHASE = "request-chase";

    protected InformationRequest() {
    }

    @CommandHandler
    public InformationRequest(RequestInformation command, DeadlineManager deadlines, RequestChase chase,
                              PlainLanguageChecker plainLanguage) {
        if (blank(command.whyNeeded())) {
            throw new Invalid("no-reason-for-request", "A request must say why the information is needed.",
                    "whyNeeded");
        }
        if (blank(command.concern())) {
            throw new Invalid("no-concern", "A request must say what the concern for the child is.", "concern");
        }
        if (command.requestingAgency().equals(command.holderAgency())) {
            throw new Invalid("request-to-self", "An agency cannot request information from itself.", "holderAgency");
        }
        List<PlainLanguageWarning> warnings = new ArrayList<>(plainLanguage.check("whyNeeded", command.whyNeeded()));
        warnings.addAll(plainLanguage.check("concern", command.concern()));
        apply(new InformationRequested(command.requestId(), command.childId(), command.requestingAgency(),
                command.requestedBy(), command.holderAgency(), command.whyNeeded(), command.concern(),
                command.respondBy(), command.occurredAt(), warnings));
        if (command.respondBy() != null) {
            deadlines.schedule(chase.overdueAt(command.respondBy()), CHASE, inThisConversation(0));
        }
    }

    /**
     * The chase (R11), unless the request has been answered or declined: step 0 when the reply date has ended
     * (overdue), then each step of the ladder in turn, the next set as each is taken.
     */
    @DeadlineHandler(deadlineName = CHASE)
    void chase(Integer step, DeadlineManager deadlines, RequestChase chase) {
        if (decided || step > chase.steps()) {
            return;
        }
        Instant overdueAt = chase.overdueAt(respondBy);
        if (step == 0) {
            apply(new InformationRequestOverdue(requestId, childId, holderAgency, requestingAgency, respondBy,
                    overdueAt));
        } else {
            apply(new InformationRequestEscalated(requestId, childId, holderAgency, requestingAgency, step,
                    chase.step(step).to().name(), chase.escalatedTo(step, holderAgency),
                    chase.escalationAt(overdueAt, step)));
        }
        if (step < chase.steps()) {
            deadlines.schedule(chase.escalationAt(overdueAt, step + 1), CHASE, inThisConversation(step + 1));
        }
    }

    @CommandHandler
    public void handle(DeclineRequest command, PlainLanguageChecker plainLanguage) {
        requireOpenAndHolder(command.agency());
        if (blank(command.reasons())) {
            throw new Invalid("no-reasons-for-declining", "Declining to share must be recorded with the reasons.",
                    "reasons");
        }
        if (blank(command.decidedBy())) {
            throw new Invalid("no-decision-maker", "Record who decided not to share.", "decidedBy");
        }
        apply(new SharingDeclined(requestId, childId, holderAgency, requestingAgency, command.decidedBy(),
                command.reasons(), command.occurredAt(), plainLanguage.check("reasons", command.reasons())));
    }

    @CommandHandler
    public void handle(AnswerRequest command) {
        requireOpenAndHolder(command.agency());
        apply(new InformationRequestAnswered(requestId, childId, holderAgency, requestingAgency, command.shareId(),
                command.occurredAt()));
    }

    private void requireOpenAndHolder(String agency) {
        if (!holderAgency.equals(agency)) {
            throw new NotTheHolder(requestId, agency);
        }
        if (decided) {
            throw new AlreadyDecided(requestId);
        }
    }

    @EventSourcingHandler
    void on(InformationRequested event) {
        requestId = event.requestId();
        childId = event.childId();
        requestingAgency = event.requestingAgency();
        holderAgency = event.holderAgency();
        respondBy = event.respondBy();
    }

    @EventSourcingHandler
    void on(SharingDeclined event) {
        decided = true;
    }

    @EventSourcingHandler
    void on(InformationRequestAnswered event) {
        decided = true;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** Only the agency asked can answer or decline. */
    public static final class NotTheHolder extends RuleViolation {
        public NotTheHolder(String requestId, String agency) {
            super("not-the-holder", "Request " + requestId + " was not made to " + agency + ".");
        }
    }

    /** A request is answered or declined once. */
    public static final class AlreadyDecided extends RuleViolation {
        AlreadyDecided(String requestId) {
            super("request-already-decided", "Request " + requestId + " has already been answered or declined.");
        }
    }
}
