package org.safeguarding.backbone.feedback.owed.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FeedbackViewRepository extends JpaRepository<FeedbackView, String> {

    /** Feedback the agency owes, is owed, or has been escalated or addressed a challenge about. */
    List<FeedbackView> findByOwedByOrOwedToOrEscalatedToOrChallengeAddressedToOrderByRequestedAtAsc(String owedBy,
            String owedTo, String escalatedTo, String challengeAddressedTo);
}
