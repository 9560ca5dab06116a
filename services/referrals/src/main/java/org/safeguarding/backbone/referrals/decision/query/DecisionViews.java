package org.safeguarding.backbone.referrals.decision.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface DecisionViews extends JpaRepository<DecisionView, String> {
}
