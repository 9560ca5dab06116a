package org.safeguarding.backbone.referrals.request.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.DeclineRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.RequestInformation;
import org.safeguarding.backbone.referrals.request.process.RequestAnswering;
import org.safeguarding.backbone.referrals.request.query.RequestProjection;
import org.safeguarding.backbone.referrals.request.query.RequestView;
import org.safeguarding.backbone.referrals.share.intake.ShareDraft;
import org.safeguarding.backbone.web.body.Child;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests for information (R1), answered with a share or declined with reasons (R2). A request starts a
 * conversation (the caller's {@code X-Correlation-Id}, or a new one); declining or answering it continues it.
 */
@RestController
@RequestMapping("/api/requests")
class RequestController {

    private final CommandGateway commands;
    private final RequestProjection requests;
    private final KnownAgencies agencies;
    private final RequestAnswering answering;

    RequestController(CommandGateway commands, RequestProjection requests, KnownAgencies agencies,
                      RequestAnswering answering) {
        this.commands = commands;
        this.requests = requests;
        this.agencies = agencies;
        this.answering = answering;
    }

    @PostMapping
    ResponseEntity<RequestView> request(@Valid @RequestBody InformationRequestBody body, Principal principal,
                                        RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        agencies.require("holderAgency", body.holderAgency());
        String requestId = UUID.randomUUID().toString();
        CorrelatedCommands.sendAndWait(commands, new RequestInformation(requestId, body.child().nhsNumber(), agency,
                body.requestedBy(), body.holderAgency(), body.whyNeeded(), body.concern(), body.respondBy(),
                Instant.now()), Correlation.startedBy(correlation.id()));
        return ResponseEntity.created(URI.create("/api/requests/" + requestId))
                .body(requests.visibleTo(requestId, agency));
    }

    /**
     * The requests made to the calling agency ({@code role=ASKED}, the default: its worklist of requests to answer)
     * or by it ({@code MADE}), the newest first; {@code status} OPEN, ANSWERED or DECLINED; {@code overdue=true} for
     * those open past their reply date.
     */
    @GetMapping
    List<RequestView> list(@RequestParam(defaultValue = "ASKED") RequestProjection.Role role,
                           @RequestParam(required = false) RequestView.Status status,
                           @RequestParam(defaultValue = "false") boolean overdue,
                           @RequestParam(defaultValue = "50") @Min(1) @Max(200) int limit, Principal principal) {
        return requests.involving(CallingAgency.of(principal), role, status, overdue, limit);
    }

    @GetMapping("/{requestId}")
    RequestView get(@PathVariable String requestId, Principal principal) {
        return requests.readBy(requestId, CallingAgency.of(principal));
    }

    /** R2: the holder declines, with its reasons; the requester sees the decision and why. */
    @PostMapping("/{requestId}/decline")
    RequestView decline(@PathVariable String requestId, @Valid @RequestBody DeclineBody body, Principal principal,
                        RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        RequestView request = requests.visibleTo(requestId, agency);
        CorrelatedCommands.sendAndWait(commands,
                new DeclineRequest(requestId, agency, body.decidedBy(), body.reasons(), Instant.now()),
                Correlation.continuing(request.getCorrelationId(), correlation.id()));
        return requests.visibleTo(requestId, agency);
    }

    /**
     * The holder answers with a share to the requester (the body of {@code POST /api/shares}); the share and the
     * answer are recorded together or not at all.
     */
    @PostMapping("/{requestId}/share")
    ResponseEntity<RequestView> answer(@PathVariable String requestId, @Valid @RequestBody ShareDraft share,
                                       Principal principal, RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        String shareId = answering.answer(requestId, agency, share, correlation.id());
        return ResponseEntity.created(URI.create("/api/shares/" + shareId)).body(requests.visibleTo(requestId, agency));
    }

    record InformationRequestBody(
            @NotNull(message = "must identify the child") @Valid Child child,
            @NotBlank(message = "is required") @Size(max = 100) String holderAgency,
            @NotBlank(message = "must say who is asking") @Size(max = 200) String requestedBy,
            @NotBlank(message = "must say why the information is needed") @Size(max = 4000) String whyNeeded,
            @NotBlank(message = "must say what the concern for the child is") @Size(max = 4000) String concern,
            @NotNull(message = "is required") @FutureOrPresent(message = "cannot be in the past") LocalDate respondBy) {
    }

    record DeclineBody(@NotBlank(message = "must say who decided") @Size(max = 200) String decidedBy,
                       @NotBlank(message = "must give the reasons for not sharing") @Size(max = 4000) String reasons) {
    }
}
