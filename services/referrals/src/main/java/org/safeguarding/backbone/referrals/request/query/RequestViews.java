package org.safeguarding.backbone.referrals.request.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface RequestViews extends JpaRepository<RequestView, String> {
}
