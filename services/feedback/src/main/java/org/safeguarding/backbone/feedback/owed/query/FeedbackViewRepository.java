package org.safeguarding.backbone.feedback.owed.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackViewRepository extends JpaRepository<FeedbackView, String> {

    List<FeedbackView> findByOwedByOrOwedToOrderByRequestedAtAsc(String owedBy, String owedTo);
}
