package org.safeguarding.backbone.referrals.share.query;

import org.safeguarding.backbone.kernel.rule.NotFound;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading shares, for the agencies entitled to (R10). */
@Service
public class ShareQueries {

    private final ShareViewRepository shares;

    ShareQueries(ShareViewRepository shares) {
        this.shares = shares;
    }

    /** R9, R11: what an agency has been sent, where it is with each, newest first. */
    @Transactional(readOnly = true)
    public Page<ShareView> inbox(String agency, ShareView.RecipientStatus status, String childId, Pageable page) {
        return shares.inbox(agency, status, childId, page);
    }

    /** The share, if {@code agency} sent it or is a recipient; otherwise NotFound, as if it did not exist. */
    @Transactional(readOnly = true)
    public ShareView visibleTo(String shareId, String agency) {
        return shares.findById(shareId)
                .filter(share -> share.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("share", shareId));
    }
}
