package org.safeguarding.backbone.referrals.share.query;

import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading shares, for the agencies entitled to (R10). */
@Service
public class ShareQueries {

    private final ShareViewRepository shares;
    private final ChildDataReads reads;

    ShareQueries(ShareViewRepository shares, ChildDataReads reads) {
        this.shares = shares;
        this.reads = reads;
    }

    /** R9, R11: what an agency has been sent, where it is with each, newest first; each share listed is a read. */
    @Transactional(readOnly = true)
    public Page<ShareView> inbox(String agency, ShareView.RecipientStatus status, String childId, Pageable page) {
        Page<ShareView> inbox = shares.inbox(agency, status, childId, page);
        reads.record(agency, inbox.getContent().stream()
                .map(share -> new ChildDataReads.Read(share.getChildId(), "share:" + share.getShareId(),
                        ChildDataReads.Basis.PARTY))
                .toList());
        return inbox;
    }

    /**
     * The share, read by {@code agency}: by its sender and recipients and the child's lead agency (R10, ADR 0008),
     * each read recorded, refused attempts at a share that exists too, before it is answered.
     */
    @Transactional(readOnly = true)
    public ShareView readBy(String shareId, String agency) {
        ShareView found = shares.findById(shareId).orElseThrow(() -> new NotFound("share", shareId));
        if (!reads.readRecord(agency, found.getChildId(), "share:" + shareId, found.isVisibleTo(agency))) {
            throw new NotFound("share", shareId);
        }
        return found;
    }

    /**
     * The share, if {@code agency} sent it or is a recipient; otherwise NotFound, as if it did not exist. For checks
     * before an act (the act itself is the record); a read to answer with is {@link #readBy}.
     */
    @Transactional(readOnly = true)
    public ShareView visibleTo(String shareId, String agency) {
        return shares.findById(shareId)
                .filter(share -> share.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("share", shareId));
    }
}
