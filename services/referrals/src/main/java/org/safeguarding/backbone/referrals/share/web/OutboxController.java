package org.safeguarding.backbone.referrals.share.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.query.ShareQueries;
import org.safeguarding.backbone.referrals.share.query.ShareView;
import org.safeguarding.backbone.referrals.share.query.OpenQuestion;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.validation.NhsNumber;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A sender's worklist: the shares the calling agency sent, with where each recipient is, and the questions waiting
 * for its answer. Nobody sees another agency's.
 */
@RestController
class OutboxController {

    private final ShareQueries queries;

    OutboxController(ShareQueries queries) {
        this.queries = queries;
    }

    /** Those waiting on the sender (a question to answer, a verbal share to write up) first, then newest first. */
    @GetMapping("/api/outbox/shares")
    SentPage sent(Principal principal,
                  @RequestParam(required = false) ShareView.RecipientStatus status,
                  @RequestParam(required = false) @NhsNumber String childId,
                  @RequestParam(defaultValue = "false") boolean waitingOnMe,
                  @RequestParam(defaultValue = "false") boolean overdue,
                  @RequestParam(defaultValue = "0") @Min(0) int page,
                  @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String agency = CallingAgency.of(principal);
        Page<ShareView> shares = queries.sentBy(agency, new ShareQueries.SentFilter(status, childId, waitingOnMe,
                overdue), PageRequest.of(page, size));
        return new SentPage(shares.getContent().stream().map(SentItem::of).toList(), shares.getNumber(),
                shares.getSize(), shares.getTotalElements(), shares.getTotalPages());
    }

    /** The questions recipients asked about the caller's shares that it has not answered, the longest waiting first. */
    @GetMapping("/api/outbox/questions")
    QuestionPage questions(Principal principal,
                           @RequestParam(required = false) @NhsNumber String childId,
                           @RequestParam(defaultValue = "0") @Min(0) int page,
                           @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        Page<OpenQuestion> questions = queries.questionsFor(CallingAgency.of(principal), childId,
                PageRequest.of(page, size));
        return new QuestionPage(questions.getContent(),
                questions.getNumber(), questions.getSize(), questions.getTotalElements(), questions.getTotalPages());
    }

    record SentPage(List<SentItem> items, int page, int size, long totalItems, int totalPages) {
    }

    /** One share sent: where each recipient is, and what the sender owes. */
    record SentItem(String shareId, String childId, String purpose, ShareContent.Urgency urgency, Instant sharedAt,
                    Instant recordedAt, List<RecipientItem> recipients, boolean acknowledgementOverdue,
                    int openQuestions, Instant writtenFollowUpBy, Instant writtenFollowUpAt,
                    boolean writtenFollowUpOverdue, boolean waitingOnSender) {

        static SentItem of(ShareView view) {
            return new SentItem(view.getShareId(), view.getChildId(), view.getPurpose(),
                    view.getContent().details().urgency(), view.getSharedAt(), view.getRecordedAt(),
                    view.getRecipients().stream().map(r -> new RecipientItem(r.getAgency(), r.getStatus().name(),
                            view.acknowledgeByFor(r.getAgency()), view.isAcknowledgementOverdueFor(r.getAgency()),
                            r.getForwardedBy())).toList(),
                    view.getRecipients().stream().anyMatch(r -> view.isAcknowledgementOverdueFor(r.getAgency())),
                    view.getOpenQuestions(), view.getWrittenFollowUpBy(), view.getWrittenFollowUpAt(),
                    view.isWrittenFollowUpOverdue() && view.getWrittenFollowUpAt() == null, view.isWaitingOnSender());
        }
    }

    record RecipientItem(String agency, String status, Instant acknowledgeBy, boolean acknowledgementOverdue,
                         String forwardedBy) {
    }

    record QuestionPage(List<OpenQuestion> items, int page, int size, long totalItems, int totalPages) {
    }
}
