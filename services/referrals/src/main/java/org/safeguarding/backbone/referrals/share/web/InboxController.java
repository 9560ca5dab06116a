package org.safeguarding.backbone.referrals.share.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.query.ShareQueries;
import org.safeguarding.backbone.referrals.share.query.ShareView;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.validation.NhsNumber;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A recipient's inbox: the shares addressed to the calling agency, with where it is with each and its deadlines. */
@RestController
class InboxController {

    private final ShareQueries queries;

    InboxController(ShareQueries queries) {
        this.queries = queries;
    }

    /**
     * The most pressing first: the shares it has not acknowledged, by its own deadline (the overdue leading) and then
     * urgency; then the rest, by urgency, newest first.
     */
    @GetMapping("/api/inbox/shares")
    InboxPage inbox(Principal principal,
                    @RequestParam(required = false) ShareView.RecipientStatus status,
                    @RequestParam(required = false) @NhsNumber String childId,
                    @RequestParam(defaultValue = "false") boolean overdue,
                    @RequestParam(required = false) Instant dueBefore,
                    @RequestParam(defaultValue = "0") @Min(0) int page,
                    @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        String agency = CallingAgency.of(principal);
        Page<ShareView> shares = queries.inbox(agency, new ShareQueries.InboxFilter(status, childId, overdue,
                dueBefore), PageRequest.of(page, size));
        return new InboxPage(shares.getContent().stream().map(view -> InboxItem.of(view, agency)).toList(),
                shares.getNumber(), shares.getSize(), shares.getTotalElements(), shares.getTotalPages());
    }

    record InboxPage(List<InboxItem> items, int page, int size, long totalItems, int totalPages) {
    }

    record InboxItem(String shareId, String childId, String senderAgency, String purpose,
                     ShareContent.Urgency urgency, Instant sharedAt, Instant recordedAt, String status,
                     Instant acknowledgeBy, boolean acknowledgementOverdue) {

        static InboxItem of(ShareView view, String agency) {
            ShareView.Recipient me = view.recipient(agency).orElseThrow();
            return new InboxItem(view.getShareId(), view.getChildId(), view.getSenderAgency(), view.getPurpose(),
                    view.getContent().details().urgency(), view.getSharedAt(), view.getRecordedAt(),
                    me.getStatus().name(), view.acknowledgeByFor(agency), view.isAcknowledgementOverdueFor(agency));
        }
    }
}
