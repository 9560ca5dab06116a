package org.safeguarding.backbone.transitions.transfer.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.query.TransferProjection;
import org.safeguarding.backbone.transitions.transfer.query.TransferView;
import org.safeguarding.backbone.web.body.Child;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.security.KnownAgencies;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** A child's moves between agencies, over HTTP. */
@RestController
@RequestMapping("/api/transfers")
class TransferController {

    private final CommandGateway commands;
    private final TransferProjection transfers;
    private final KnownAgencies agencies;

    TransferController(CommandGateway commands, TransferProjection transfers, KnownAgencies agencies) {
        this.commands = commands;
        this.transfers = transfers;
        this.agencies = agencies;
    }

    @PostMapping
    ResponseEntity<TransferResponse> record(@Valid @RequestBody TransferRequest request, Principal principal,
                                            RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        agencies.require("fromAgency", request.fromAgency());
        agencies.require("toAgency", request.toAgency());
        String transferId = UUID.randomUUID().toString();
        CorrelatedCommands.sendAndWait(commands, new RecordTransfer(transferId, request.child().nhsNumber(),
                request.fromAgency(), request.toAgency(), request.reason(), request.movedOn(), agency, Instant.now()),
                Correlation.startedBy(correlation.id()));
        return ResponseEntity.created(URI.create("/api/transfers/" + transferId))
                .body(TransferResponse.of(transfers.visibleTo(transferId, agency)));
    }

    @GetMapping("/{transferId}")
    TransferResponse get(@PathVariable String transferId, Principal principal) {
        return TransferResponse.of(transfers.visibleTo(transferId, CallingAgency.of(principal)));
    }

    record TransferRequest(
            @NotNull(message = "must identify the child") @Valid Child child,
            @NotBlank(message = "is required") String fromAgency,
            @NotBlank(message = "is required") String toAgency,
            @NotBlank(message = "must say why the child is moving") @Size(max = 4000) String reason,
            @NotNull(message = "is required") LocalDate movedOn) {
    }

    record TransferResponse(String transferId, String childId, String fromAgency, String toAgency, String reason,
                            LocalDate movedOn, String recordedBy, Instant recordedAt) {
        static TransferResponse of(TransferView view) {
            return new TransferResponse(view.getTransferId(), view.getChildId(), view.getFromAgency(),
                    view.getToAgency(), view.getReason(), view.getMovedOn(), view.getRecordedBy(),
                    view.getRecordedAt());
        }
    }
}
