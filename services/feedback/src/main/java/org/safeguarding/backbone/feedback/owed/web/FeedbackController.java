package org.safeguarding.backbone.feedback.owed.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.query.FeedbackQueries;
import org.safeguarding.backbone.feedback.owed.query.FeedbackView;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Feedback owed and given, over HTTP. */
@RestController
@RequestMapping("/api/feedback")
class FeedbackController {

    private final CommandGateway commands;
    private final FeedbackQueries queries;

    FeedbackController(CommandGateway commands, FeedbackQueries queries) {
        this.commands = commands;
        this.queries = queries;
    }

    /** Feedback the calling agency owes, and feedback owed to it. */
    @GetMapping
    List<FeedbackResponse> involvingMe(Principal principal) {
        return queries.involving(CallingAgency.of(principal)).stream().map(FeedbackResponse::of).toList();
    }

    @GetMapping("/{feedbackId}")
    FeedbackResponse get(@PathVariable String feedbackId, Principal principal) {
        return FeedbackResponse.of(queries.readBy(feedbackId, CallingAgency.of(principal)));
    }

    /** The recipient tells the referrer what it did and what came of it. */
    @PostMapping("/{feedbackId}")
    FeedbackResponse give(@PathVariable String feedbackId, @Valid @RequestBody GiveFeedbackRequest request,
                          Principal principal, RequestedCorrelation correlation) {
        String agency = CallingAgency.of(principal);
        FeedbackView owed = queries.visibleTo(feedbackId, agency);
        CorrelatedCommands.sendAndWait(commands, new GiveFeedback(feedbackId, agency, request.actionTaken(),
                request.outcome(), Instant.now()), Correlation.continuing(owed.getCorrelationId(), correlation.id()));
        return FeedbackResponse.of(queries.visibleTo(owed.getFeedbackId(), agency));
    }

    record GiveFeedbackRequest(
            @NotBlank(message = "must say what action was taken") @Size(max = 4000) String actionTaken,
            @NotBlank(message = "must say what the outcome was") @Size(max = 4000) String outcome) {
    }

    record FeedbackResponse(String feedbackId, String shareId, String childId, String owedBy, String owedTo,
                            LocalDate dueBy, Instant requestedAt, boolean given, Instant givenAt, String actionTaken,
                            String outcome, List<PlainLanguageWarning> plainLanguageWarnings, boolean overdue,
                            Integer escalationLevel, String escalatedTo) {

        static FeedbackResponse of(FeedbackView view) {
            return new FeedbackResponse(view.getFeedbackId(), view.getShareId(), view.getChildId(), view.getOwedBy(),
                    view.getOwedTo(), view.getDueBy(), view.getRequestedAt(), view.getGivenAt() != null,
                    view.getGivenAt(), view.getActionTaken(), view.getOutcome(), view.getPlainLanguageWarnings(),
                    view.isOverdue(), view.getEscalationLevel(), view.getEscalatedTo());
        }
    }
}
