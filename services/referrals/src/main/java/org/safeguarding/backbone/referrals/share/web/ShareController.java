package org.safeguarding.backbone.referrals.share.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeCorrection;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordConsentWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordFamilyInformed;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.CorrectStatement;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.VerifyStatement;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.WithdrawShare;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AnswerClarification;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ConfirmUnderstanding;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.MarkShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordInformationUse;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RecordWrittenFollowUp;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.RequestClarification;
import org.safeguarding.backbone.referrals.share.intake.ShareDraft;
import org.safeguarding.backbone.referrals.share.intake.ShareIntake;
import org.safeguarding.backbone.referrals.share.query.ShareQueries;
import org.safeguarding.backbone.referrals.share.query.ShareView;
import org.safeguarding.backbone.web.command.DryRun;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Information shares over HTTP. The calling agency is the sender of what it shares. Every command takes the caller's
 * optional {@code X-Correlation-Id} ({@link RequestedCorrelation}); acts on a share otherwise continue the share's
 * own conversation.
 */
@RestController
@RequestMapping("/api/shares")
class ShareController {

    private final CommandGateway commands;
    private final ShareQueries queries;
    private final ShareIntake intake;

    ShareController(CommandGateway commands, ShareQueries queries, ShareIntake intake) {
        this.commands = commands;
        this.queries = queries;
        this.intake = intake;
    }

    @PostMapping
    ResponseEntity<ShareResponse> share(@Valid @RequestBody ShareDraft draft, Principal principal,
                                        RequestedCorrelation correlation) {
        String sender = CallingAgency.of(principal);
        String shareId = intake.submit(draft, sender, Correlation.startedBy(correlation.id()));
        return ResponseEntity.created(URI.create("/api/shares/" + shareId))
                .body(ShareResponse.of(queries.visibleTo(shareId, sender)));
    }

    /**
     * R16: checks a draft share without recording anything: every problem, every plain-language warning, so an
     * agency system can show them to the practitioner before sending. 200 whatever the draft holds; only a body that
     * is not a share at all (malformed, an unknown field) is refused.
     */
    @DryRun
    @PostMapping("/check")
    ShareCheckResponse check(@RequestBody ShareDraft draft, Principal principal) {
        ShareIntake.Review review = intake.review(draft, CallingAgency.of(principal));
        return new ShareCheckResponse(review.problems().isEmpty(), review.problems().stream()
                .map(p -> new CheckedProblem(ProblemResponses.type(p.type()).toString(), p.field(), p.message()))
                .toList(), review.plainLanguageWarnings());
    }

    /** A dry run's answer: whether the share would be accepted as it stands, and why not. */
    record ShareCheckResponse(boolean acceptable, List<CheckedProblem> problems,
                              List<PlainLanguageWarning> plainLanguageWarnings) {
    }

    /** One problem, with the type {@code POST /api/shares} would refuse it with. */
    record CheckedProblem(String type, String field, String message) {
    }

    @GetMapping("/{shareId}")
    ShareResponse get(@PathVariable String shareId, Principal principal) {
        return ShareResponse.of(queries.readBy(shareId, CallingAgency.of(principal)));
    }

    /** R9: the recipient says it has received the share. Acknowledging again changes nothing. */
    @PostMapping("/{shareId}/acknowledgements")
    ShareResponse acknowledge(@PathVariable String shareId, Principal principal, RequestedCorrelation correlation) {
        return act(shareId, principal, correlation, agency -> new AcknowledgeShare(shareId, agency, Instant.now()));
    }

    /** R9: the recipient has read the share (acknowledging it too, if it had not). */
    @PostMapping("/{shareId}/read")
    ShareResponse read(@PathVariable String shareId, Principal principal, RequestedCorrelation correlation) {
        return act(shareId, principal, correlation, agency -> new MarkShareRead(shareId, agency, Instant.now()));
    }

    /** R9: the recipient confirms it understood the share and its significance. */
    @PostMapping("/{shareId}/understanding")
    ShareResponse understood(@PathVariable String shareId, @Valid @RequestBody(required = false) UnderstandingRequest request,
                             Principal principal, RequestedCorrelation correlation) {
        String note = request == null ? null : request.note();
        return act(shareId, principal, correlation,
                agency -> new ConfirmUnderstanding(shareId, agency, note, Instant.now()));
    }

    /** R9: the recipient asks the sender a question; {@code questionId} makes a retried request safe. */
    @PostMapping("/{shareId}/clarifications")
    ResponseEntity<ShareResponse> ask(@PathVariable String shareId, @Valid @RequestBody QuestionRequest request,
                                      Principal principal, RequestedCorrelation correlation) {
        String questionId = request.questionId() == null ? UUID.randomUUID().toString() : request.questionId();
        ShareResponse share = act(shareId, principal, correlation, agency -> new RequestClarification(shareId, agency,
                questionId, request.question(), Instant.now()));
        return ResponseEntity.created(URI.create("/api/shares/" + shareId + "/clarifications/" + questionId))
                .body(share);
    }

    /** R9: the sender answers. */
    @PostMapping("/{shareId}/clarifications/{questionId}/answer")
    ShareResponse answer(@PathVariable String shareId, @PathVariable String questionId,
                         @Valid @RequestBody AnswerRequest request, Principal principal,
                         RequestedCorrelation correlation) {
        return act(shareId, principal, correlation, agency -> new AnswerClarification(shareId, agency, questionId,
                request.answer(), Instant.now()));
    }

    /** R17: the recipient records how the information informed its decision or plan. */
    @PostMapping("/{shareId}/uses")
    ShareResponse used(@PathVariable String shareId, @Valid @RequestBody UseRequest request, Principal principal,
                       RequestedCorrelation correlation) {
        return act(shareId, principal, correlation, agency -> new RecordInformationUse(shareId, agency,
                request.howUsed(), Instant.now()));
    }

    /** R7: the sender of a phone call or face-to-face share records it in writing. */
    @PostMapping("/{shareId}/written-follow-up")
    ShareResponse followUpInWriting(@PathVariable String shareId, @Valid @RequestBody WrittenFollowUpRequest request,
                                    Principal principal, RequestedCorrelation correlation) {
        return act(shareId, principal, correlation, agency -> new RecordWrittenFollowUp(shareId, agency,
                request.writtenRecord(), Instant.now()));
    }

    /**
     * R4, R5: the sender corrects a statement, saying why; the original stays on the record, and every agency
     * holding the share must acknowledge the correction. 201, {@code Location} of the correction.
     */
    @PostMapping("/{shareId}/corrections")
    ResponseEntity<ShareResponse> correct(@PathVariable String shareId, @Valid @RequestBody CorrectionRequest request,
                                          Principal principal, RequestedCorrelation correlation) {
        ShareResponse share = act(shareId, principal, correlation, agency -> new CorrectStatement(shareId, agency,
                request.statementIndex(), request.corrected().content(), request.reason(), Instant.now()));
        int correction = share.corrections().get(share.corrections().size() - 1).correction();
        return ResponseEntity.created(URI.create("/api/shares/" + shareId + "/corrections/" + correction))
                .body(share);
    }

    /** R4, R5: the sender withdraws the share, saying why; again changes nothing. */
    @PostMapping("/{shareId}/withdrawal")
    ShareResponse withdraw(@PathVariable String shareId, @Valid @RequestBody WithdrawalRequest request,
                           Principal principal, RequestedCorrelation correlation) {
        return act(shareId, principal, correlation, agency -> new WithdrawShare(shareId, agency, request.reason(),
                Instant.now()));
    }

    /** A recipient acknowledges a correction or the withdrawal; again changes nothing. */
    @PostMapping("/{shareId}/corrections/{correction}/acknowledgement")
    ShareResponse acknowledgeCorrection(@PathVariable String shareId, @PathVariable int correction,
                                        Principal principal, RequestedCorrelation correlation) {
        return act(shareId, principal, correlation, agency -> new AcknowledgeCorrection(shareId, agency, correction,
                Instant.now()));
    }

    /** R5: an agency holding the share records that a statement has since been verified or corroborated. */
    @PostMapping("/{shareId}/statements/{statementIndex}/verification")
    ShareResponse verify(@PathVariable String shareId, @PathVariable int statementIndex,
                         @Valid @RequestBody VerificationRequest request, Principal principal,
                         RequestedCorrelation correlation) {
        return act(shareId, principal, correlation, agency -> new VerifyStatement(shareId, agency, statementIndex,
                request.verification(), request.verifiedBy(), Instant.now()));
    }

    /** R3: the sender records when (default: now) and how the family was told what was shared. */
    @PostMapping("/{shareId}/family-informed")
    ShareResponse familyInformed(@PathVariable String shareId, @Valid @RequestBody FamilyInformedRequest request,
                                 Principal principal, RequestedCorrelation correlation) {
        Instant now = Instant.now();
        return act(shareId, principal, correlation, agency -> new RecordFamilyInformed(shareId, agency,
                request.informedAt() == null ? now : request.informedAt(), request.how(), now));
    }

    /**
     * R3: the sender records that the consent the share was made under was withdrawn (when: default now); every
     * agency holding the share is told, and it is passed on no further unless a safeguarding justification is given.
     */
    @PostMapping("/{shareId}/consent-withdrawal")
    ShareResponse consentWithdrawn(@PathVariable String shareId, @Valid @RequestBody ConsentWithdrawalRequest request,
                                   Principal principal, RequestedCorrelation correlation) {
        Instant now = Instant.now();
        return act(shareId, principal, correlation, agency -> new RecordConsentWithdrawn(shareId, agency,
                request.withdrawnAt() == null ? now : request.withdrawnAt(), request.reason(),
                request.safeguardingJustification() == null || request.safeguardingJustification().isBlank() ? null
                        : request.safeguardingJustification(), now));
    }

    /** An act on a share the caller can see, in the share's conversation; answers with the share as it now is. */
    private ShareResponse act(String shareId, Principal principal, RequestedCorrelation correlation,
                              Function<String, Object> command) {
        String agency = CallingAgency.of(principal);
        ShareView share = queries.visibleTo(shareId, agency);
        CorrelatedCommands.sendAndWait(commands, command.apply(agency),
                Correlation.continuing(share.getCorrelationId(), correlation.id()));
        return ShareResponse.of(queries.visibleTo(shareId, agency));
    }

    record UnderstandingRequest(@Size(max = 4000) String note) {
    }

    record QuestionRequest(@NotBlank(message = "must ask something") @Size(max = 4000) String question,
                           @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._:-]+") String questionId) {
    }

    record AnswerRequest(@NotBlank(message = "must answer the question") @Size(max = 4000) String answer) {
    }

    record UseRequest(@NotBlank(message = "must say how the information was used") @Size(max = 4000) String howUsed) {
    }

    record WrittenFollowUpRequest(
            @NotBlank(message = "must contain the written record of what was shared") @Size(max = 20000)
            String writtenRecord) {
    }

    record CorrectionRequest(@NotNull(message = "must say which statement (from 0) is corrected") Integer statementIndex,
                             @NotNull(message = "must give the statement as it should read") @Valid
                             ShareDraft.Statement corrected,
                             @NotBlank(message = "must say why the statement is corrected") @Size(max = 4000)
                             String reason) {
    }

    record WithdrawalRequest(@NotBlank(message = "must say why the share is withdrawn") @Size(max = 4000)
                             String reason) {
    }

    record VerificationRequest(@NotNull(message = "must be VERIFIED or CORROBORATED")
                               ShareContent.Verification verification,
                               @NotBlank(message = "must say by whom") @Size(max = 200) String verifiedBy) {
    }

    record FamilyInformedRequest(@PastOrPresent(message = "cannot be in the future") Instant informedAt,
                                 @NotBlank(message = "must say how the family was told, and by whom") @Size(max = 4000)
                                 String how) {
    }

    record ConsentWithdrawalRequest(@PastOrPresent(message = "cannot be in the future") Instant withdrawnAt,
                                    @NotBlank(message = "must say how consent was withdrawn") @Size(max = 4000)
                                    String reason,
                                    @Size(max = 4000) String safeguardingJustification) {
    }
}
