package org.safeguarding.backbone.transitions.transfer.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents;
import org.safeguarding.backbone.transitions.transfer.process.TransferRecording;
import org.safeguarding.backbone.transitions.transfer.query.TransferProjection;
import org.safeguarding.backbone.transitions.transfer.query.TransferView;
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
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;

/** A child's moves between agencies, over HTTP (R12): recorded by the agency it leaves, or proposed and confirmed. */
@RestController
@RequestMapping("/api/transfers")
class TransferController {

    private final TransferRecording recording;
    private final TransferProjection transfers;
    private final KnownAgencies agencies;

    TransferController(TransferRecording recording, TransferProjection transfers, KnownAgencies agencies) {
        this.recording = recording;
        this.transfers = transfers;
        this.agencies = agencies;
    }

    /**
     * The agency the child leaves records the move (201, {@code CONFIRMED}); the agency it joins proposes it (201,
     * {@code PROPOSED}), for the leaving agency to confirm.
     */
    @PostMapping
    ResponseEntity<TransferResponse> report(@Valid @RequestBody TransferRequest request, Principal principal,
                                            RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        agencies.require("fromAgency", request.fromAgency());
        agencies.require("toAgency", request.toAgency());
        String transferId = recording.report(new TransferRecording.Move(request.child().nhsNumber(),
                request.fromAgency(), request.toAgency(), request.reason(), request.movedOn()), agency,
                Correlation.startedBy(correlation.id()));
        return ResponseEntity.created(URI.create("/api/transfers/" + transferId))
                .body(TransferResponse.of(transfers.visibleTo(transferId, agency)));
    }

    /** The agency the child left confirms a move the joining agency proposed; again changes nothing. */
    @PostMapping("/{transferId}/confirmation")
    TransferResponse confirm(@PathVariable String transferId, Principal principal, RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        recording.confirm(transferId, agency, correlation.id());
        return TransferResponse.of(transfers.visibleTo(transferId, agency));
    }

    /** The joining agency acknowledges the package: complete, or saying what is missing (tracked until complete). */
    @PostMapping("/{transferId}/package/acknowledgement")
    TransferResponse acknowledgePackage(@PathVariable String transferId,
                                        @Valid @RequestBody PackageAcknowledgement request, Principal principal,
                                        RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        recording.acknowledgePackage(transferId, agency, request.complete(), request.missing(), correlation.id());
        return TransferResponse.of(transfers.visibleTo(transferId, agency));
    }

    @GetMapping("/{transferId}")
    TransferResponse get(@PathVariable String transferId, Principal principal) {
        return TransferResponse.of(transfers.readBy(transferId, CallingAgency.of(principal)));
    }

    record TransferRequest(
            @NotNull(message = "must identify the child") @Valid Child child,
            @NotBlank(message = "is required") String fromAgency,
            @NotBlank(message = "is required") String toAgency,
            @NotBlank(message = "must say why the child is moving") @Size(max = 4000) String reason,
            @NotNull(message = "is required") LocalDate movedOn) {
    }

    record PackageAcknowledgement(@NotNull(message = "must say whether the package is complete") Boolean complete,
                                  @Size(max = 4000) String missing) {
    }

    /**
     * {@code recordedBy} and {@code recordedAt}: the leaving agency's record or confirmation; null while proposed.
     * {@code reasonWarnings}: the jargon in the reason (R16). {@code transferPackage}: what went with the move, null
     * before it did.
     */
    record TransferResponse(String transferId, String childId, String fromAgency, String toAgency, String reason,
                            List<PlainLanguageWarning> reasonWarnings, LocalDate movedOn, TransferView.Status status,
                            String proposedBy, Instant proposedAt, String recordedBy, Instant recordedAt,
                            PackageResponse transferPackage) {
        static TransferResponse of(TransferView view) {
            return new TransferResponse(view.getTransferId(), view.getChildId(), view.getFromAgency(),
                    view.getToAgency(), view.getReason(), view.getReasonWarnings(), view.getMovedOn(), view.getStatus(),
                    view.getProposedBy(), view.getProposedAt(), view.getRecordedBy(), view.getRecordedAt(),
                    view.getPackageStatus() == null ? null : new PackageResponse(view.getPackageStatus(),
                            view.getPackageItems(), view.getPackageAcknowledgeBy(), view.isPackageOverdue(),
                            view.getPackageAcknowledgedAt(), view.getPackageMissing(),
                            view.getPackageMissingWarnings()));
        }
    }

    /**
     * The package: {@code SENT}, {@code INCOMPLETE} (with what is missing, and the jargon in it, R16) or
     * {@code COMPLETE}; its deadline.
     */
    record PackageResponse(TransferView.PackageStatus status, List<TransferEvents.PackageItem> items,
                           Instant acknowledgeBy, boolean overdue, Instant acknowledgedAt, String missing,
                           List<PlainLanguageWarning> missingWarnings) {
    }
}
