package org.safeguarding.backbone.transitions.transfer.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.time.LocalDate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ConfirmTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ProposeTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferProposed;

/**
 * A child's move from one agency to another (R12). The agency the child leaves records it; the agency it joins may
 * propose it, and the move happens only when the agency it left confirms. The transfer package and its tracking
 * build on this.
 */
@Aggregate
public class ChildTransfer {

    @AggregateIdentifier
    private String transferId;
    private String childId;
    private String fromAgency;
    private String toAgency;
    private String reason;
    private LocalDate movedOn;
    private boolean confirmed;

    protected ChildTransfer() {
    }

    @CommandHandler
    public ChildTransfer(RecordTransfer command) {
        requireTwoAgencies(command.fromAgency(), command.toAgency());
        if (!command.recordedBy().equals(command.fromAgency())) {
            throw new NotPartyToTransfer(command.recordedBy());
        }
        requireWorkedWithChild(command.childId(), command.recordedBy(), command.recorderWorkedWithChild());
        apply(new ChildTransferred(command.transferId(), command.childId(), command.fromAgency(), command.toAgency(),
                command.reason(), command.movedOn(), command.recordedBy(), command.occurredAt()));
    }

    @CommandHandler
    public ChildTransfer(ProposeTransfer command) {
        requireTwoAgencies(command.fromAgency(), command.toAgency());
        if (!command.proposedBy().equals(command.toAgency())) {
            throw new NotPartyToTransfer(command.proposedBy());
        }
        apply(new TransferProposed(command.transferId(), command.childId(), command.fromAgency(), command.toAgency(),
                command.reason(), command.movedOn(), command.proposedBy(), command.occurredAt()));
    }

    /** Confirming again changes nothing. */
    @CommandHandler
    public void handle(ConfirmTransfer command) {
        if (!fromAgency.equals(command.confirmedBy())) {
            throw new NotTheLeavingAgency(transferId, command.confirmedBy());
        }
        if (confirmed) {
            return;
        }
        requireWorkedWithChild(childId, command.confirmedBy(), command.confirmerWorkedWithChild());
        apply(new ChildTransferred(transferId, childId, fromAgency, toAgency, reason, movedOn,
                command.confirmedBy(), command.occurredAt()));
    }

    /** Nobody makes themselves party to a child's history by recording the child moving away from them. */
    private static void requireWorkedWithChild(String childId, String agency, boolean workedWithChild) {
        if (!workedWithChild) {
            throw new NotWorkedWithChild(childId, agency);
        }
    }

    private static void requireTwoAgencies(String from, String to) {
        if (from.equals(to)) {
            throw new SameAgency(from);
        }
    }

    @EventSourcingHandler
    void on(TransferProposed event) {
        transferId = event.transferId();
        childId = event.childId();
        fromAgency = event.fromAgency();
        toAgency = event.toAgency();
        reason = event.reason();
        movedOn = event.movedOn();
    }

    @EventSourcingHandler
    void on(ChildTransferred event) {
        transferId = event.transferId();
        childId = event.childId();
        fromAgency = event.fromAgency();
        toAgency = event.toAgency();
        reason = event.reason();
        movedOn = event.movedOn();
        confirmed = true;
    }

    public static final class SameAgency extends RuleViolation {
        SameAgency(String agency) {
            super(Kind.INVALID, "same-agency", "A child cannot move from " + agency + " to itself.", "toAgency");
        }
    }

    /** The agency the child leaves records the move; the agency it joins may propose it; nobody else does either. */
    public static final class NotPartyToTransfer extends RuleViolation {
        public NotPartyToTransfer(String agency) {
            super(Kind.FORBIDDEN, "not-party-to-transfer", "Agency " + agency + " is neither the agency the child "
                    + "leaves (which records the move) nor the one it joins (which may propose it).", null);
        }
    }

    /** A move away from an agency is recorded only by an agency that has worked with the child. */
    public static final class NotWorkedWithChild extends RuleViolation {
        NotWorkedWithChild(String childId, String agency) {
            super(Kind.FORBIDDEN, "not-involved-with-child", "Agency " + agency + " has not worked with child "
                    + childId + " as far as the backbone knows (no share, request, feedback or move about the child "
                    + "names it), so cannot record the child moving away from it. If it has only just shared about "
                    + "the child, try again in a few seconds.", null);
        }
    }

    /** Only the agency the child left confirms the move. */
    public static final class NotTheLeavingAgency extends RuleViolation {
        NotTheLeavingAgency(String transferId, String agency) {
            super(Kind.FORBIDDEN, "not-the-leaving-agency", "Only the agency the child left can confirm transfer "
                    + transferId + ", not " + agency + ".", null);
        }
    }
}
