package org.safeguarding.backbone.transitions.transfer.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.AcknowledgePackage;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ConfirmTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ProposeTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.TransferPackage;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.PackageItem;
import org.safeguarding.backbone.transitions.transfer.command.ChildTransfer.NotPartyToTransfer;
import org.safeguarding.backbone.transitions.transfer.query.HeldShareProjection;
import org.safeguarding.backbone.transitions.transfer.query.InvolvementProjection;
import org.safeguarding.backbone.transitions.transfer.query.TransferProjection;
import org.safeguarding.backbone.transitions.transfer.query.TransferView;
import org.springframework.stereotype.Service;

/**
 * A child's move, from whichever side reports it (R12): the agency the child leaves records it, the agency it joins
 * may only propose it, for the leaving agency to confirm. This process tells the transfer whether the recording
 * agency has worked with the child (what the other services' events say); the transfer's own rules decide.
 */
@Service
public class TransferRecording {

    private final CommandGateway commands;
    private final InvolvementProjection involvement;
    private final TransferProjection transfers;
    private final HeldShareProjection heldShares;
    private final PackageDeadlines deadlines;

    TransferRecording(CommandGateway commands, InvolvementProjection involvement, TransferProjection transfers,
                      HeldShareProjection heldShares, PackageDeadlines deadlines) {
        this.commands = commands;
        this.involvement = involvement;
        this.transfers = transfers;
        this.heldShares = heldShares;
        this.deadlines = deadlines;
    }

    /**
     * The package that goes with a move (R12): every share the leaving agency sent or received about the child, each
     * with its provenance, purpose, consent and lawful basis, to be acknowledged by the joining agency's deadline.
     */
    private TransferPackage packageFor(String childId, String fromAgency, String toAgency, Instant at) {
        return new TransferPackage(heldShares.heldBy(childId, fromAgency).stream()
                .map(share -> new PackageItem(share.getShareId(), share.getSenderAgency(), share.getSharedAt(),
                        share.getPurpose(), share.getConsentStatus(), share.getLawfulBasis()))
                .toList(), deadlines.acknowledgeBy(toAgency, at));
    }

    /** What a move says, whoever reports it. */
    public record Move(String childId, String fromAgency, String toAgency, String reason, LocalDate movedOn) {
    }

    /**
     * {@code caller} reports {@code move}: recorded, or proposed; returns the transfer's id. The same move (the child,
     * from, to, the day) reported again is refused, naming the transfer that has it: a second package, and a second
     * deadline, would only confuse the agency the child joins.
     */
    public String report(Move move, String caller, Map<String, String> conversation) {
        if (!caller.equals(move.fromAgency()) && !caller.equals(move.toAgency())) {
            throw new NotPartyToTransfer(caller);
        }
        transfers.sameMove(move.childId(), move.fromAgency(), move.toAgency(), move.movedOn())
                .ifPresent(reported -> {
                    throw new MoveAlreadyReported(reported, caller);
                });
        String transferId = UUID.randomUUID().toString();
        if (caller.equals(move.fromAgency())) {
            Instant now = Instant.now();
            CorrelatedCommands.sendAndWait(commands, new RecordTransfer(transferId, move.childId(), move.fromAgency(),
                    move.toAgency(), move.reason(), move.movedOn(), caller,
                    involvement.hasWorkedWith(move.childId(), caller), now,
                    packageFor(move.childId(), move.fromAgency(), move.toAgency(), now)), conversation);
        } else {
            CorrelatedCommands.sendAndWait(commands, new ProposeTransfer(transferId, move.childId(), move.fromAgency(),
                    move.toAgency(), move.reason(), move.movedOn(), caller, Instant.now()), conversation);
        }
        return transferId;
    }

    /** The move was reported before; its transfer is named (its two agencies may read it), and what to do instead. */
    public static final class MoveAlreadyReported extends RuleViolation {
        MoveAlreadyReported(TransferView reported, String caller) {
            super("move-already-reported", said(reported, caller));
        }

        private static String said(TransferView reported, String caller) {
            String move = "This move of the child from " + reported.getFromAgency() + " to " + reported.getToAgency()
                    + " on " + reported.getMovedOn() + " is already ";
            String transfer = "transfer " + reported.getTransferId();
            if (reported.getStatus() == TransferView.Status.CONFIRMED) {
                return move + "recorded: " + transfer + ".";
            }
            String proposed = move + "proposed by " + reported.getProposedBy() + ": " + transfer;
            return caller.equals(reported.getFromAgency())
                    ? proposed + "; confirm it (POST /api/transfers/" + reported.getTransferId() + "/confirmation) "
                            + "rather than recording it again."
                    : proposed + ".";
        }
    }

    /** The agency the child left confirms a proposed move: from now on it is the child's move. */
    public void confirm(String transferId, String caller, String requestedCorrelation) {
        TransferView transfer = transfers.visibleTo(transferId, caller);
        boolean workedWithChild = involvement.hasWorkedWith(transfer.getChildId(), caller);
        Instant now = Instant.now();
        CorrelatedCommands.sendAndWait(commands, new ConfirmTransfer(transferId, caller, workedWithChild, now,
                        packageFor(transfer.getChildId(), transfer.getFromAgency(), transfer.getToAgency(), now)),
                Correlation.continuing(transfer.getCorrelationId(), requestedCorrelation));
    }

    /** The joining agency acknowledges the package: complete, or saying what is missing. */
    public void acknowledgePackage(String transferId, String caller, boolean complete, String missing,
                                   String requestedCorrelation) {
        TransferView transfer = transfers.visibleTo(transferId, caller);
        CorrelatedCommands.sendAndWait(commands, new AcknowledgePackage(transferId, caller, complete, missing,
                Instant.now()), Correlation.continuing(transfer.getCorrelationId(), requestedCorrelation));
    }
}
