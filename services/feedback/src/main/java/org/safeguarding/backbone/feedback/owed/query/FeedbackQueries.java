package org.safeguarding.backbone.feedback.owed.query;

import java.util.List;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Feedback, for the recipient that owes it and the referrer owed it; nobody else can tell it exists. */
@Service
@Transactional(readOnly = true)
public class FeedbackQueries {

    private final FeedbackViewRepository feedback;
    private final ChildDataReads reads;

    FeedbackQueries(FeedbackViewRepository feedback, ChildDataReads reads) {
        this.feedback = feedback;
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

    /** Feedback the agency owes, and feedback owed to it; each item listed is a read, recorded. */
    public List<FeedbackView> involving(String agency) {
        List<FeedbackView> involving = feedback.findByOwedByOrOwedToOrderByRequestedAtAsc(agency, agency);
        reads.record(agency, involving.stream()
                .map(view -> new ChildDataReads.Read(view.getChildId(), "feedback:" + view.getFeedbackId(),
                        ChildDataReads.Basis.PARTY))
                .toList());
        return involving;
    }
}
