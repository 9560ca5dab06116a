package org.safeguarding.backbone.referrals.decision.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.List;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.referrals.decision.api.DecisionCommands.RecordDecisionNotToShare;
import org.safeguarding.backbone.referrals.decision.api.DecisionEvents.DecidedNotToShare;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.rule.Invalid;

/** A decision not to share, on the record with who made it and why, so a review can see it was considered (R2). */
@Aggregate
public class SharingDecision {

    @AggregateIdentifier
    private String decisionId;

    protected SharingDecision() {
    }

    @CommandHandler
    public SharingDecision(RecordDecisionNotToShare command, PlainLanguageChecker plainLanguage) {
        if (command.reasons() == null || command.reasons().isBlank()) {
            throw new Invalid("no-reasons-for-not-sharing", "A decision not to share is recorded with its reasons.",
                    "reasons");
        }
        if (command.decidedBy() == null || command.decidedBy().isBlank()) {
            throw new Invalid("no-decision-maker", "Record who decided not to share.", "decidedBy");
        }
        if (command.consideredAgencies().contains(command.decidingAgency())) {
            throw new Invalid("considered-self", "The agencies considered are the others it might have shared with.",
                    "consideredAgencies");
        }
        apply(new DecidedNotToShare(command.decisionId(), command.childId(), command.decidingAgency(),
                command.decidedBy(), List.copyOf(command.consideredAgencies()), command.reasons(),
                command.occurredAt(), plainLanguage.check("reasons", command.reasons())));
    }

    @EventSourcingHandler
    void on(DecidedNotToShare event) {
        decisionId = event.decisionId();
    }
}
