package org.safeguarding.backbone.feedback.owed.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.AnswerChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.ChallengeFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.EscalateChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.ResolveChallenge;
import org.safeguarding.backbone.feedback.owed.query.FeedbackChallengeView;
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

    /** Feedback the calling agency owes, feedback owed to it, and feedback it was told of up a ladder. */
    @GetMapping
    List<FeedbackResponse> involvingMe(Principal principal) {
        return responses(queries.involving(CallingAgency.of(principal)));
    }

    @GetMapping("/{feedbackId}")
    FeedbackResponse get(@PathVariable String feedbackId, Principal principal) {
        return response(queries.readBy(feedbackId, CallingAgency.of(principal)));
    }

    /** The recipient tells the referrer what it did and what came of it. */
    @PostMapping("/{feedbackId}")
    FeedbackResponse give(@PathVariable String feedbackId, @Valid @RequestBody GiveFeedbackRequest request,
                          Principal principal, RequestedCorrelation correlation) {
        return send(feedbackId, principal, correlation, agency ->
                new GiveFeedback(feedbackId, agency, request.actionTaken(), request.outcome(), Instant.now()));
    }

    /** The referrer challenges feedback it finds inadequate (professional disagreement). */
    @PostMapping("/{feedbackId}/challenges")
    FeedbackResponse challenge(@PathVariable String feedbackId, @Valid @RequestBody ChallengeRequest request,
                               Principal principal, RequestedCorrelation correlation) {
        return send(feedbackId, principal, correlation, agency ->
                new ChallengeFeedback(feedbackId, agency, request.reasons(), Instant.now()));
    }

    /** The agency the challenge is addressed to at its level answers it. */
    @PostMapping("/{feedbackId}/challenges/{challenge}/answers")
    FeedbackResponse answer(@PathVariable String feedbackId, @PathVariable int challenge,
                            @Valid @RequestBody AnswerRequest request, Principal principal,
                            RequestedCorrelation correlation) {
        return send(feedbackId, principal, correlation, agency ->
                new AnswerChallenge(feedbackId, challenge, agency, request.answer(), Instant.now()));
    }

    /** The referrer, not satisfied with the answer, takes the challenge up a level. */
    @PostMapping("/{feedbackId}/challenges/{challenge}/escalations")
    FeedbackResponse escalate(@PathVariable String feedbackId, @PathVariable int challenge,
                              @Valid @RequestBody ChallengeRequest request, Principal principal,
                              RequestedCorrelation correlation) {
        return send(feedbackId, principal, correlation, agency ->
                new EscalateChallenge(feedbackId, challenge, agency, request.reasons(), Instant.now()));
    }

    /** Resolved: by the referrer, satisfied, or by the partnership at the top level. */
    @PostMapping("/{feedbackId}/challenges/{challenge}/resolution")
    FeedbackResponse resolve(@PathVariable String feedbackId, @PathVariable int challenge,
                             @Valid @RequestBody ResolutionRequest request, Principal principal,
                             RequestedCorrelation correlation) {
        return send(feedbackId, principal, correlation, agency ->
                new ResolveChallenge(feedbackId, challenge, agency, request.resolution(), Instant.now()));
    }

    /** A command about feedback visible to the caller, continuing the share's conversation. */
    private FeedbackResponse send(String feedbackId, Principal principal, RequestedCorrelation correlation,
                                  Function<String, Object> command) {
        String agency = CallingAgency.of(principal);
        FeedbackView owed = queries.visibleTo(feedbackId, agency);
        CorrelatedCommands.sendAndWait(commands, command.apply(agency),
                Correlation.continuing(owed.getCorrelationId(), correlation.id()));
        return response(queries.visibleTo(owed.getFeedbackId(), agency));
    }

    private FeedbackResponse response(FeedbackView view) {
        return responses(List.of(view)).get(0);
    }

    private List<FeedbackResponse> responses(List<FeedbackView> views) {
        Map<String, List<FeedbackChallengeView>> challenges = queries.challengesTo(views);
        return views.stream().map(view -> FeedbackResponse.of(view,
                challenges.getOrDefault(view.getFeedbackId(), List.of()))).toList();
    }

    record ChallengeRequest(
            @NotBlank(message = "must say why the feedback is not enough") @Size(max = 4000) String reasons) {
    }

    record AnswerRequest(@NotBlank(message = "must answer the challenge") @Size(max = 4000) String answer) {
    }

    record ResolutionRequest(
            @NotBlank(message = "must say what was agreed or decided") @Size(max = 4000) String resolution) {
    }

    record GiveFeedbackRequest(
            @NotBlank(message = "must say what action was taken") @Size(max = 4000) String actionTaken,
            @NotBlank(message = "must say what the outcome was") @Size(max = 4000) String outcome) {
    }

    record FeedbackResponse(String feedbackId, String shareId, String childId, String owedBy, String owedTo,
                            LocalDate dueBy, Instant requestedAt, boolean given, Instant givenAt, String actionTaken,
                            String outcome, List<PlainLanguageWarning> plainLanguageWarnings, boolean overdue,
                            Integer escalationLevel, String escalatedTo, List<ChallengeResponse> challenges) {

        static FeedbackResponse of(FeedbackView view, List<FeedbackChallengeView> challenges) {
            return new FeedbackResponse(view.getFeedbackId(), view.getShareId(), view.getChildId(), view.getOwedBy(),
                    view.getOwedTo(), view.getDueBy(), view.getRequestedAt(), view.getGivenAt() != null,
                    view.getGivenAt(), view.getActionTaken(), view.getOutcome(), view.getPlainLanguageWarnings(),
                    view.isOverdue(), view.getEscalationLevel(), view.getEscalatedTo(),
                    challenges.stream().map(ChallengeResponse::of).toList());
        }
    }

    /**
     * A challenge to the feedback: open, or resolved at {@code level}; while open, answered at its level by
     * {@code addressedTo} by the end of {@code answerDueBy}.
     */
    record ChallengeResponse(int challenge, String challengedBy, String challengedTo, String reasons,
                             Instant challengedAt, String status, int level, String levelTo, String addressedTo,
                             LocalDate answerDueBy, boolean answerOverdue, String answer, String answeredBy,
                             Instant answeredAt, String escalationReason, String escalationReasons,
                             String resolution, String resolvedBy, Instant resolvedAt,
                             List<PlainLanguageWarning> plainLanguageWarnings) {

        static ChallengeResponse of(FeedbackChallengeView view) {
            return new ChallengeResponse(view.getChallenge(), view.getChallengedBy(), view.getChallengedTo(),
                    view.getReasons(), view.getChallengedAt(), view.isResolved() ? "RESOLVED" : "OPEN",
                    view.getLevel(), view.getLevelTo(), view.getAddressedTo(), view.getAnswerDueBy(),
                    view.isAnswerOverdue(), view.getAnswer(), view.getAnsweredBy(), view.getAnsweredAt(),
                    view.getEscalationReason(), view.getEscalationReasons(), view.getResolution(),
                    view.getResolvedBy(), view.getResolvedAt(), view.getPlainLanguageWarnings());
        }
    }
}
