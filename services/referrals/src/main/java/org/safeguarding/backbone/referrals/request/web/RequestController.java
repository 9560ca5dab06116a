package org.safeguarding.backbone.referrals.request.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.AnswerRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.DeclineRequest;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.RequestInformation;
import org.safeguarding.backbone.referrals.request.query.RequestProjection;
import org.safeguarding.backbone.referrals.request.query.RequestView;
import org.safeguarding.backbone.referrals.share.web.ShareRequest;
import org.safeguarding.backbone.referrals.share.web.ShareSubmission;
import org.safeguarding.backbone.web.problem.RuleViolation;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.security.KnownAgencies;
import org.safeguarding.backbone.web.validation.NhsNumber;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Requests for information (R1), answered with a share or declined with reasons (R2). */
@RestController
@RequestMapping("/api/requests")
class RequestController {

    private final CommandGateway commands;
    private final RequestProjection requests;
    private final KnownAgencies agencies;
    private final ShareSubmission shares;

    RequestController(CommandGateway commands, RequestProjection requests, KnownAgencies agencies,
                      ShareSubmission shares) {
        this.commands = commands;
        this.requests = requests;
        this.agencies = agencies;
        this.shares = shares;
    }

    @PostMapping
    ResponseEntity<RequestView> request(@Valid @RequestBody InformationRequestBody body, Principal principal) {
        String agency = CallingAgency.of(principal);
        agencies.require("holderAgency", body.holderAgency());
        String requestId = UUID.randomUUID().toString();
        CorrelatedCommands.sendAndWait(commands, new RequestInformation(requestId, body.child().nhsNumber(), agency,
                body.requestedBy(), body.holderAgency(), body.whyNeeded(), body.concern(), body.respondBy(),
                Instant.now()), Correlation.startedBy(null));
        return ResponseEntity.created(URI.create("/api/requests/" + requestId))
                .body(requests.visibleTo(requestId, agency));
    }

    @GetMapping("/{requestId}")
    RequestView get(@PathVariable String requestId, Principal principal) {
        return requests.visibleTo(requestId, CallingAgency.of(principal));
    }

    /** R2: the holder declines, with its reasons; the requester sees the decision and why. */
    @PostMapping("/{requestId}/decline")
    RequestView decline(@PathVariable String requestId, @Valid @RequestBody DeclineBody body, Principal principal) {
        String agency = CallingAgency.of(principal);
        requests.visibleTo(requestId, agency);
        CorrelatedCommands.sendAndWait(commands,
                new DeclineRequest(requestId, agency, body.decidedBy(), body.reasons(), Instant.now()),
                Correlation.startedBy(requestId));
        return requests.visibleTo(requestId, agency);
    }

    /**
     * The holder answers with a share to the requester (the body of {@code POST /api/shares}); the share and the
     * answer are recorded together or not at all.
     */
    @PostMapping("/{requestId}/share")
    @Transactional
    public ResponseEntity<RequestView> answer(@PathVariable String requestId, @Valid @RequestBody ShareRequest share,
                                              Principal principal) {
        String agency = CallingAgency.of(principal);
        RequestView request = requests.visibleTo(requestId, agency);
        if (!share.recipientAgencies().contains(request.getRequestingAgency())) {
            throw new RequesterNotARecipient(request.getRequestingAgency());
        }
        Map<String, String> conversation = Correlation.startedBy(requestId);
        String shareId = shares.submit(share, agency, conversation);
        CorrelatedCommands.sendAndWait(commands, new AnswerRequest(requestId, agency, shareId, Instant.now()),
                conversation);
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

    record Child(@NotBlank(message = "is required") @NhsNumber String nhsNumber) {
    }

    record DeclineBody(@NotBlank(message = "must say who decided") @Size(max = 200) String decidedBy,
                       @NotBlank(message = "must give the reasons for not sharing") @Size(max = 4000) String reasons) {
    }

    /** Answering a request means sharing with the agency that asked. */
    static final class RequesterNotARecipient extends RuleViolation {
        RequesterNotARecipient(String requester) {
            super("requester-not-a-recipient", "A share answering a request must go to the agency that asked ("
                    + requester + ").", BAD_REQUEST, "recipients");
        }
    }
}
