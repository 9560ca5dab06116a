package org.safeguarding.backbone.feedback.owed.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/**
 * Feedback one recipient of a share owes the agency that made it. The dialogue goes on: a recipient may give
 * feedback again as its action progresses; each time is a fact of its own.
 */
@Aggregate
public class OwedFeedback {

    /** The deadline that chases late feedback; its payload is the step, 0 for the due day's end. */
    static final String CHASE = "feedback-chase";

    @AggregateIdentifier
    private String feedbackId;
    private String shareId;
    private String childId;
    private String owedBy;
    private String owedTo;
    private LocalDate dueBy;
    private boolean given;

    protected OwedFeedback() {
    }

    /** Requested once per share and recipient: asking again (a redelivered share) records nothing new. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestFeedback command, DeadlineManager deadlines, FeedbackChase chase) {
        if (feedbackId != null) {
            return;
        }
        apply(new FeedbackRequested(command.feedbackId(), command.shareId(), command.childId(), command.owedBy(),
                command.owedTo(), command.dueBy(), command.occurredAt()));
        deadlines.schedule(chase.overdueAt(command.dueBy()), CHASE, step(0));
    }

    /** Given with warnings for the jargon in it (R16): the referrer is another agency. */
    @CommandHandler
    public void handle(GiveFeedback command, PlainLanguageChecker plainLanguage) {
        if (!owedBy.equals(command.agency())) {
            throw new NotOwedBy(feedbackId, command.agency());
        }
        Map<String, String> written = new LinkedHashMap<>();
        written.put("actionTaken", command.actionTaken());
        written.put("outcome", command.outcome());
        apply(new FeedbackGiven(feedbackId, shareId, childId, owedBy, owedTo, command.actionTaken(),
                command.outcome(), command.occurredAt(), plainLanguage.check(written)));
    }

    /**
     * The chase (R8), unless the feedback has been given: step 0 when the due day has ended (overdue), then each step
     * of the ladder in turn, the next one set as each is taken.
     */
    @DeadlineHandler(deadlineName = CHASE)
    void chase(Integer step, DeadlineManager deadlines, FeedbackChase chase) {
        if (given || step > chase.steps()) {
            return;
        }
        Instant overdueAt = chase.overdueAt(dueBy);
        if (step == 0) {
            apply(new FeedbackOverdue(feedbackId, shareId, childId, owedBy, owedTo, dueBy, overdueAt));
        } else {
            apply(new FeedbackEscalated(feedbackId, shareId, childId, owedBy, owedTo, step,
                    chase.step(step).to().name(), chase.escalatedTo(step, owedBy), chase.escalationAt(overdueAt, step)));
        }
        if (step < chase.steps()) {
            deadlines.schedule(chase.escalationAt(overdueAt, step + 1), CHASE, step(step + 1));
        }
    }

    /** A step of the chase, in the conversation of what set it: the share's, so each step continues it. */
    private static Message<Integer> step(int step) {
        return new GenericMessage<>(step, CurrentUnitOfWork.map(UnitOfWork::getCorrelationData)
                .orElse(MetaData.emptyInstance()));
    }

    @EventSourcingHandler
    void on(FeedbackRequested event) {
        feedbackId = event.feedbackId();
        shareId = event.shareId();
        childId = event.childId();
        owedBy = event.owedBy();
        owedTo = event.owedTo();
        dueBy = event.dueBy();
    }

    @EventSourcingHandler
    void on(FeedbackGiven event) {
        given = true;
    }

    /** The referrer cannot give the feedback it is owed; only the recipient that owes it can. */
    public static final class NotOwedBy extends RuleViolation {
        NotOwedBy(String feedbackId, String agency) {
            super("feedback-not-owed-by-agency", "Feedback " + feedbackId + " is not owed by " + agency
                    + "; only the recipient that owes it can give it.");
        }
    }
}
