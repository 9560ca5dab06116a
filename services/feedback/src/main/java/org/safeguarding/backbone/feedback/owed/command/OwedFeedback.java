package org.safeguarding.backbone.feedback.owed.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.LinkedHashMap;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/**
 * Feedback one recipient of a share owes the agency that made it. The dialogue goes on: a recipient may give
 * feedback again as its action progresses; each time is a fact of its own.
 */
@Aggregate
public class OwedFeedback {

    @AggregateIdentifier
    private String feedbackId;
    private String shareId;
    private String childId;
    private String owedBy;
    private String owedTo;

    protected OwedFeedback() {
    }

    /** Requested once per share and recipient: asking again (a redelivered share) records nothing new. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestFeedback command) {
        if (feedbackId != null) {
            return;
        }
        apply(new FeedbackRequested(command.feedbackId(), command.shareId(), command.childId(), command.owedBy(),
                command.owedTo(), command.dueBy(), command.occurredAt()));
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

    @EventSourcingHandler
    void on(FeedbackRequested event) {
        feedbackId = event.feedbackId();
        shareId = event.shareId();
        childId = event.childId();
        owedBy = event.owedBy();
        owedTo = event.owedTo();
    }

    /** The referrer cannot give the feedback it is owed; only the recipient that owes it can. */
    public static final class NotOwedBy extends RuleViolation {
        NotOwedBy(String feedbackId, String agency) {
            super("feedback-not-owed-by-agency", "Feedback " + feedbackId + " is not owed by " + agency
                    + "; only the recipient that owes it can give it.");
        }
    }
}
