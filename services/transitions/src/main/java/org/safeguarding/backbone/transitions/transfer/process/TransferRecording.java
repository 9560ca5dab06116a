package org.safeguarding.backbone.transitions.transfer.process;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ConfirmTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ProposeTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.command.ChildTransfer.NotPartyToTransfer;
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

    TransferRecording(CommandGateway commands, InvolvementProjection involvement, TransferProjection transfers) {
        this.commands = commands;
        this.involvement = involvement;
        this.transfers = transfers;
    }

    /** What a move says, whoever reports it. */
    public record Move(String childId, String fromAgency, String toAgency, String reason, LocalDate movedOn) {
    }

    /** {@code caller} reports {@code move}: recorded, or proposed; returns the transfer's id. */
    public String report(Move move, String caller, Map<String, String> conversation) {
        String transferId = UUID.randomUUID().toString();
        if (caller.equals(move.fromAgency())) {
            CorrelatedCommands.sendAndWait(commands, new RecordTransfer(transferId, move.childId(), move.fromAgency(),
                    move.toAgency(), move.reason(), move.movedOn(), caller,
                    involvement.hasWorkedWith(move.childId(), caller), Instant.now()), conversation);
        } else if (caller.equals(move.toAgency())) {
            CorrelatedCommands.sendAndWait(commands, new ProposeTransfer(transferId, move.childId(), move.fromAgency(),
                    move.toAgency(), move.reason(), move.movedOn(), caller, Instant.now()), conversation);
        } else {
            throw new NotPartyToTransfer(caller);
        }
        return transferId;
    }

    /** The agency the child left confirms a proposed move: from now on it is the child's move. */
    public void confirm(String transferId, String caller, String requestedCorrelation) {
        TransferView transfer = transfers.visibleTo(transferId, caller);
        boolean workedWithChild = involvement.hasWorkedWith(transfer.getChildId(), caller);
        CorrelatedCommands.sendAndWait(commands, new ConfirmTransfer(transferId, caller, workedWithChild,
                Instant.now()), Correlation.continuing(transfer.getCorrelationId(), requestedCorrelation));
    }
}
