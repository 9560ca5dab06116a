package org.safeguarding.backbone.chronology.retention.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.EraseChildContent;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.PlaceLegalHold;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.ReleaseLegalHold;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.childkeys.LegalHold;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.validation.NhsNumber;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * A child's records as a whole over HTTP (R18): a safeguarding partnership places a legal hold on them and releases
 * it; an operator orders them erased, which every service carries out by destroying the child's keys. Ids and
 * reasons go in and out, never the child's data.
 */
@RestController
class RetentionController {

    private final CommandGateway commands;
    private final KnownAgencies agencies;

    RetentionController(CommandGateway commands, KnownAgencies agencies) {
        this.commands = commands;
        this.agencies = agencies;
    }

    /** A hold on the child's records: 201 with it. Safeguarding partnerships only. */
    @PostMapping("/api/children/{nhsNumber}/legal-holds")
    ResponseEntity<HoldResponse> place(@PathVariable @NhsNumber String nhsNumber,
                                       @Valid @RequestBody PlaceHoldBody body, Principal principal,
                                       RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        String holdId = UUID.randomUUID().toString();
        Instant at = Instant.now();
        CorrelatedCommands.sendAndWait(commands, new PlaceLegalHold(nhsNumber, holdId, agency,
                agencies.kindOf(agency).orElse(null), body.purpose(), body.reference(), at),
                Correlation.startedBy(correlation.id()));
        return ResponseEntity.created(URI.create("/api/children/" + nhsNumber + "/legal-holds/" + holdId))
                .body(new HoldResponse(holdId, body.purpose(), body.reference(), agency, at));
    }

    /** The partnership that placed a hold releases it: 200 with it. */
    @PostMapping("/api/children/{nhsNumber}/legal-holds/{holdId}/release")
    ReleasedResponse release(@PathVariable @NhsNumber String nhsNumber, @PathVariable @Size(max = 100) String holdId,
                         @Valid @RequestBody(required = false) ReleaseBody body, Principal principal,
                         RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        Instant at = Instant.now();
        CorrelatedCommands.sendAndWait(commands, new ReleaseLegalHold(nhsNumber, holdId, agency,
                body == null ? null : body.reason(), at), Correlation.startedBy(correlation.id()));
        return new ReleasedResponse(holdId, agency, at);
    }

    /**
     * Erases the child's records: 202, as every service destroys the child's keys when the order reaches it; 409
     * {@code under-legal-hold} while a hold is open. Operators only ({@code /operator/**}).
     */
    @PostMapping("/operator/children/{nhsNumber}/erasure")
    ResponseEntity<ErasureResponse> erase(@PathVariable @NhsNumber String nhsNumber,
                                          @Valid @RequestBody EraseBody body, Principal principal,
                                          RequestedCorrelation correlation) {
        String erasureId = UUID.randomUUID().toString();
        Instant at = Instant.now();
        CorrelatedCommands.sendAndWait(commands, new EraseChildContent(nhsNumber, erasureId, principal.getName(),
                body.reason(), at), Correlation.startedBy(correlation.id()));
        return ResponseEntity.accepted().body(new ErasureResponse(erasureId, body.reason(), principal.getName(), at));
    }

    record PlaceHoldBody(@NotNull(message = "must be REVIEW, INQUIRY or PROCEEDINGS") LegalHold.Purpose purpose,
                         @NotBlank(message = "must name the review, inquiry or case") @Size(max = 400)
                         String reference) {
    }

    record ReleaseBody(@Size(max = 4000) String reason) {
    }

    record EraseBody(@NotBlank(message = "must say why: the retention that ended, or the order") @Size(max = 400)
                     String reason) {
    }

    /** A hold as placed. */
    record HoldResponse(String holdId, LegalHold.Purpose purpose, String reference, String by, Instant placedAt) {
    }

    /** A hold as released. */
    record ReleasedResponse(String holdId, String by, Instant releasedAt) {
    }

    record ErasureResponse(String erasureId, String reason, String orderedBy, Instant orderedAt) {
    }
}
