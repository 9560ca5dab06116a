package org.safeguarding.backbone.referrals.share.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ShareViewRepository extends JpaRepository<ShareView, String> {
}
