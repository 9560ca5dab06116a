package org.safeguarding.backbone.transitions.transfer.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/** A child's move from one agency to another. The transfer package and its tracking build on this (R12). */
@Aggregate
public class ChildTransfer {

    @AggregateIdentifier
    private String transferId;

    protected ChildTransfer() {
    }

    @CommandHandler
    public ChildTransfer(RecordTransfer command) {
        if (command.fromAgency().equals(command.toAgency())) {
            throw new SameAgency(command.fromAgency());
        }
        if (!command.recordedBy().equals(command.fromAgency()) && !command.recordedBy().equals(command.toAgency())) {
            throw new NotPartyToTransfer(command.recordedBy());
        }
        apply(new ChildTransferred(command.transferId(), command.childId(), command.fromAgency(), command.toAgency(),
                command.reason(), command.movedOn(), command.recordedBy(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(ChildTransferred event) {
        transferId = event.transferId();
    }

    public static final class SameAgency extends RuleViolation {
        SameAgency(String agency) {
            super(Kind.INVALID, "same-agency", "A child cannot move from " + agency + " to itself.", "toAgency");
        }
    }

    /** Only the agency the child leaves, or the one it joins, records the move. */
    public static final class NotPartyToTransfer extends RuleViolation {
        NotPartyToTransfer(String agency) {
            super(Kind.FORBIDDEN, "not-party-to-transfer", "Agency " + agency
                    + " is neither the agency the child leaves nor the one it joins.", null);
        }
    }
}
