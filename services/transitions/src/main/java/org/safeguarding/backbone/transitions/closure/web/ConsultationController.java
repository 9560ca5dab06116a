package org.safeguarding.backbone.transitions.closure.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.Answer;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.AnswerConcern;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.AnswerConsultation;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.OverrideConcern;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.RecordClosure;
import org.safeguarding.backbone.transitions.closure.process.ClosureConsulting;
import org.safeguarding.backbone.transitions.closure.query.ConsultationProjection;
import org.safeguarding.backbone.transitions.closure.query.ConsultationView;
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

/** Consultation before a case is closed (R13), over HTTP. */
@RestController
@RequestMapping("/api/consultations")
class ConsultationController {

    private final ClosureConsulting consulting;
    private final ConsultationProjection consultations;
    private final CommandGateway commands;

    ConsultationController(ClosureConsulting consulting, ConsultationProjection consultations,
                           CommandGateway commands) {
        this.consulting = consulting;
        this.consultations = consultations;
        this.commands = commands;
    }

    /** The calling agency proposes to close its work with the child: every agency involved lately is consulted. */
    @PostMapping
    ResponseEntity<ConsultationResponse> open(@Valid @RequestBody OpenRequest request, Principal principal,
                                              RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        String consultationId = consulting.open(request.child().nhsNumber(), agency, request.reason(),
                Correlation.startedBy(correlation.id()));
        return ResponseEntity.created(URI.create("/api/consultations/" + consultationId))
                .body(ConsultationResponse.of(consultations.visibleTo(consultationId, agency)));
    }

    @GetMapping("/{consultationId}")
    ConsultationResponse get(@PathVariable String consultationId, Principal principal) {
        return ConsultationResponse.of(consultations.readBy(consultationId, CallingAgency.of(principal)));
    }

    /** A consulted agency agrees, or raises a concern with its reasons. */
    @PostMapping("/{consultationId}/answers")
    ConsultationResponse answer(@PathVariable String consultationId, @Valid @RequestBody AnswerRequest request,
                                Principal principal, RequestedCorrelation correlation) {
        return send(consultationId, principal, correlation, agency -> new AnswerConsultation(consultationId, agency,
                request.answer(), request.reasons(), Instant.now()));
    }

    /** The closing agency answers an agency's concern. */
    @PostMapping("/{consultationId}/concerns/{concernOf}/response")
    ConsultationResponse respond(@PathVariable String consultationId, @PathVariable String concernOf,
                                 @Valid @RequestBody ResponseRequest request, Principal principal,
                                 RequestedCorrelation correlation) {
        return send(consultationId, principal, correlation, agency -> new AnswerConcern(consultationId, agency,
                concernOf, request.response(), Instant.now()));
    }

    /** The closing agency goes ahead despite an agency's concern, its reason on the record. */
    @PostMapping("/{consultationId}/concerns/{concernOf}/override")
    ConsultationResponse override(@PathVariable String consultationId, @PathVariable String concernOf,
                                  @Valid @RequestBody OverrideRequest request, Principal principal,
                                  RequestedCorrelation correlation) {
        return send(consultationId, principal, correlation, agency -> new OverrideConcern(consultationId, agency,
                concernOf, request.reason(), Instant.now()));
    }

    /** The closing agency records the closure, once every answer is in (or the date passed) and concerns settled. */
    @PostMapping("/{consultationId}/closure")
    ConsultationResponse close(@PathVariable String consultationId, Principal principal,
                               RequestedCorrelation correlation) {
        return send(consultationId, principal, correlation, agency -> new RecordClosure(consultationId, agency,
                Instant.now()));
    }

    private ConsultationResponse send(String consultationId, Principal principal, RequestedCorrelation correlation,
                                      Function<String, Object> command) {
        String agency = CallingAgency.of(principal);
        ConsultationView consultation = consultations.visibleTo(consultationId, agency);
        CorrelatedCommands.sendAndWait(commands, command.apply(agency),
                Correlation.continuing(consultation.getCorrelationId(), correlation.id()));
        return ConsultationResponse.of(consultations.visibleTo(consultationId, agency));
    }

    record OpenRequest(@NotNull(message = "must identify the child") @Valid Child child,
                       @NotBlank(message = "must say why the work with the child is to close") @Size(max = 4000)
                       String reason) {
    }

    record AnswerRequest(@NotNull(message = "must be AGREE or CONCERN") Answer answer,
                         @Size(max = 4000) String reasons) {
    }

    record ResponseRequest(@NotBlank(message = "must answer the concern") @Size(max = 4000) String response) {
    }

    record OverrideRequest(@NotBlank(message = "must give the reason for going ahead") @Size(max = 4000)
                           String reason) {
    }

    record ConsultationResponse(String consultationId, String childId, String closingAgency, String reason,
                                LocalDate answerBy, Instant openedAt, String status, Instant closedAt,
                                List<ConsulteeResponse> consultees, List<PlainLanguageWarning> plainLanguageWarnings) {

        static ConsultationResponse of(ConsultationView view) {
            return new ConsultationResponse(view.getConsultationId(), view.getChildId(), view.getClosingAgency(),
                    view.getReason(), view.getAnswerBy(), view.getOpenedAt(), view.getStatus(), view.getClosedAt(),
                    view.getConsultees().stream().map(c -> new ConsulteeResponse(c.getAgency(), c.getAnswer(),
                            c.getReasons(), c.getAnsweredAt(), c.isNoReply(), c.getSettledHow(), c.getSettlement(),
                            c.getSettledAt())).toList(), view.getPlainLanguageWarnings());
        }
    }

    /** {@code answer} AGREE or CONCERN, null while none; {@code noReply} once the date passed in silence. */
    record ConsulteeResponse(String agency, String answer, String reasons, Instant answeredAt, boolean noReply,
                             String concernSettled, String settlement, Instant settledAt) {
    }
}
