package org.safeguarding.backbone.referrals.share.web;

import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.referrals.share.query.ShareView;

/** A share as the API returns it. */
public record ShareResponse(String shareId, String childId, String senderAgency, String purpose, Instant sharedAt,
                            Instant recordedAt, List<Recipient> recipients, List<String> statements) {

    public record Recipient(String agency, boolean acknowledged, Instant acknowledgedAt) {
    }

    static ShareResponse of(ShareView view) {
        return new ShareResponse(view.getShareId(), view.getChildId(), view.getSenderAgency(), view.getPurpose(),
                view.getSharedAt(), view.getRecordedAt(),
                view.getRecipients().stream()
                        .map(r -> new Recipient(r.getAgency(), r.getAcknowledgedAt() != null, r.getAcknowledgedAt()))
                        .toList(),
                view.getStatements());
    }
}
