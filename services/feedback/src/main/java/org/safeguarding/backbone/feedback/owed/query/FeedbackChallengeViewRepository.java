package org.safeguarding.backbone.feedback.owed.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackChallengeViewRepository extends JpaRepository<FeedbackChallengeView, String> {

    List<FeedbackChallengeView> findByFeedbackIdInOrderByChallengeAsc(List<String> feedbackIds);
}
