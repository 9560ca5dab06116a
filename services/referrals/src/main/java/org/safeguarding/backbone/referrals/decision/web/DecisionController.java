package org.safeguarding.backbone.referrals.decision.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.referrals.decision.api.DecisionCommands.RecordDecisionNotToShare;
import org.safeguarding.backbone.referrals.decision.query.DecisionProjection;
import org.safeguarding.backbone.referrals.decision.query.DecisionView;
import org.safeguarding.backbone.web.body.Child;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Decisions not to share that no request prompted (R2). */
@RestController
@RequestMapping("/api/decisions")
class DecisionController {

    private final CommandGateway commands;
    private final DecisionProjection decisions;
    private final KnownAgencies agencies;

    DecisionController(CommandGateway commands, DecisionProjection decisions, KnownAgencies agencies) {
        this.commands = commands;
        this.decisions = decisions;
        this.agencies = agencies;
    }

    @PostMapping("/not-to-share")
    ResponseEntity<DecisionView> notToShare(@Valid @RequestBody NotToShareBody body, Principal principal,
                                            RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        List<String> considered = body.consideredAgencies() == null ? List.of() : body.consideredAgencies();
        for (int i = 0; i < considered.size(); i++) {
            agencies.require("consideredAgencies[" + i + "]", considered.get(i));
        }
        String decisionId = UUID.randomUUID().toString();
        CorrelatedCommands.sendAndWait(commands, new RecordDecisionNotToShare(decisionId, body.child().nhsNumber(),
                agency, body.decidedBy(), considered, body.reasons(), Instant.now()),
                Correlation.startedBy(correlation.id()));
        return ResponseEntity.created(URI.create("/api/decisions/" + decisionId))
                .body(decisions.visibleTo(decisionId, agency));
    }

    @GetMapping("/{decisionId}")
    DecisionView get(@PathVariable String decisionId, Principal principal) {
        return decisions.readBy(decisionId, CallingAgency.of(principal));
    }

    record NotToShareBody(@NotNull(message = "must identify the child") @Valid Child child,
                          @NotBlank(message = "must say who decided") @Size(max = 200) String decidedBy,
                          @Size(max = 50, message = "at most 50 agencies")
                          List<@NotBlank @Size(max = 100) String> consideredAgencies,
                          @NotBlank(message = "must give the reasons for not sharing") @Size(max = 4000) String reasons) {
    }
}
