package org.safeguarding.backbone.feedback.owed.query;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Feedback, for the recipient that owes it and the referrer owed it; nobody else can tell it exists. */
@Service
@Transactional(readOnly = true)
public class FeedbackQueries {

    private final FeedbackViewRepository feedback;
    private final FeedbackChallengeViewRepository challenges;
    private final ChildDataReads reads;

    FeedbackQueries(FeedbackViewRepository feedback, FeedbackChallengeViewRepository challenges,
                    ChildDataReads reads) {
        this.feedback = feedback;
        this.challenges = challenges;
        this.reads = reads;
    }

    /**
     * The feedback, read by {@code agency}: by its parties and the child's lead agency (R10, ADR 0008), each read
     * recorded, refused attempts too, before it is answered.
     */
    public FeedbackView readBy(String feedbackId, String agency) {
        FeedbackView found = feedback.findById(feedbackId).orElseThrow(() -> new NotFound("feedback", feedbackId));
        if (!reads.readRecord(agency, found.getChildId(), "feedback:" + feedbackId, found.isVisibleTo(agency))) {
            throw new NotFound("feedback", feedbackId);
        }
        return found;
    }

    public FeedbackView visibleTo(String feedbackId, String agency) {
        return feedback.findById(feedbackId)
                .filter(view -> view.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("feedback", feedbackId));
    }

    /**
     * Feedback the agency owes, feedback owed to it, and feedback it has been told of on the way up a ladder; each item
     * listed is a read, recorded.
     */
    public List<FeedbackView> involving(String agency) {
        List<FeedbackView> involving = feedback
                .findByOwedByOrOwedToOrEscalatedToOrChallengeAddressedToOrderByRequestedAtAsc(agency, agency, agency,
                        agency);
        reads.record(agency, involving.stream()
                .map(view -> new ChildDataReads.Read(view.getChildId(), "feedback:" + view.getFeedbackId(),
                        ChildDataReads.Basis.PARTY))
                .toList());
        return involving;
    }

    /**
     * The challenges to each of {@code visible}, feedback already found visible to the caller (and its reading
     * recorded): they are part of the same record.
     */
    public Map<String, List<FeedbackChallengeView>> challengesTo(List<FeedbackView> visible) {
        if (visible.isEmpty()) {
            return Map.of();
        }
        return challenges.findByFeedbackIdInOrderByChallengeAsc(visible.stream().map(FeedbackView::getFeedbackId)
                .toList()).stream().collect(Collectors.groupingBy(FeedbackChallengeView::getFeedbackId));
    }
}
