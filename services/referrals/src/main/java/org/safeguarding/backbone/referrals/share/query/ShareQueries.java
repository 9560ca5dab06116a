package org.safeguarding.backbone.referrals.share.query;

import java.time.Instant;
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

    /** Filters of a worklist; null or false: not filtered on. */
    public record InboxFilter(ShareView.RecipientStatus status, String childId, boolean overdue, Instant dueBefore) {
    }

    /** Filters of a sender's list of its shares; null or false: not filtered on. */
    public record SentFilter(ShareView.RecipientStatus status, String childId, boolean waitingOnSender,
                             boolean overdue) {
    }

    /**
     * R9, R11: what an agency has been sent, where it is with each, the most pressing first (not yet acknowledged, by
     * deadline and urgency, the overdue leading); each share listed is a read.
     */
    @Transactional(readOnly = true)
    public Page<ShareView> inbox(String agency, InboxFilter filter, Pageable page) {
        return recorded(agency, shares.inbox(agency, filter.status(), filter.childId(), filter.overdue(),
                filter.dueBefore() != null, filter.dueBefore() == null ? Instant.EPOCH : filter.dueBefore(), page));
    }

    /**
     * The sender's worklist: the shares {@code agency} sent, with each recipient's status, those waiting on it (a
     * question to answer, a verbal share to write up) first; each share listed is a read.
     */
    @Transactional(readOnly = true)
    public Page<ShareView> sentBy(String agency, SentFilter filter, Pageable page) {
        return recorded(agency, shares.sentBy(agency, filter.status(), filter.childId(), filter.waitingOnSender(),
                filter.overdue(), page));
    }

    /** The questions recipients asked about {@code agency}'s shares, still waiting for its answer; each a read. */
    @Transactional(readOnly = true)
    public Page<OpenQuestion> questionsFor(String agency, String childId, Pageable page) {
        Page<OpenQuestion> questions = shares.openQuestionsFor(agency, childId, ShareView.ThreadEntry.Kind.QUESTION,
                ShareView.ThreadEntry.Kind.ANSWER, page);
        reads.record(agency, questions.getContent().stream()
                .map(q -> new ChildDataReads.Read(q.childId(), "share:" + q.shareId(),
                        ChildDataReads.Basis.PARTY))
                .toList());
        return questions;
    }

    private Page<ShareView> recorded(String agency, Page<ShareView> listed) {
        reads.record(agency, listed.getContent().stream()
                .map(share -> new ChildDataReads.Read(share.getChildId(), "share:" + share.getShareId(),
                        ChildDataReads.Basis.PARTY))
                .toList());
        return listed;
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
