package org.safeguarding.backbone.feedback.owed.query;

import java.util.List;
import java.util.Optional;
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

    /** The feedback, read by {@code agency}: recorded (R10), refused attempts too, before it is answered. */
    public FeedbackView readBy(String feedbackId, String agency) {
        Optional<FeedbackView> owed = feedback.findById(feedbackId);
        boolean granted = owed.map(view -> view.isVisibleTo(agency)).orElse(false);
        owed.ifPresent(view -> reads.record(agency, view.getChildId(), "feedback:" + feedbackId, granted));
        return owed.filter(view -> granted).orElseThrow(() -> new NotFound("feedback", feedbackId));
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
                .map(view -> new ChildDataReads.Read(view.getChildId(), "feedback:" + view.getFeedbackId(), true))
                .toList());
        return involving;
    }
}
