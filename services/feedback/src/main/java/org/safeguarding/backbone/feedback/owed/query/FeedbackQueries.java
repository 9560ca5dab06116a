package org.safeguarding.backbone.feedback.owed.query;

import java.util.List;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Feedback, for the recipient that owes it and the referrer owed it; nobody else can tell it exists. */
@Service
@Transactional(readOnly = true)
public class FeedbackQueries {

    private final FeedbackViewRepository feedback;

    FeedbackQueries(FeedbackViewRepository feedback) {
        this.feedback = feedback;
    }

    public FeedbackView visibleTo(String feedbackId, String agency) {
        return feedback.findById(feedbackId)
                .filter(view -> view.isVisibleTo(agency))
                .orElseThrow(() -> new NotFound("feedback", feedbackId));
    }

    /** Feedback the agency owes, and feedback owed to it. */
    public List<FeedbackView> involving(String agency) {
        return feedback.findByOwedByOrOwedToOrderByRequestedAtAsc(agency, agency);
    }
}
