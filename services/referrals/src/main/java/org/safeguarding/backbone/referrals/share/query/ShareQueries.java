package org.safeguarding.backbone.referrals.share.query;

import org.safeguarding.backbone.web.problem.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading shares, for the agencies entitled to (R10). */
@Service
public class ShareQueries {

    private final ShareViewRepository shares;

    ShareQueries(ShareViewRepository shares) {
        this.shares = shares;
    }

    /** The share, if {@code agency} sent it or is a recipient; otherwise NotFound, as if it did not exist. */
    @Transactional(readOnly = true)
    public ShareView visibleTo(String shareId, String agency) {
        return shares.findById(shareId)
                .filter(share -> share.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("share", shareId));
    }
}
