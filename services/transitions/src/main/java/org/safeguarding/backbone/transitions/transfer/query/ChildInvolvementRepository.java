package org.safeguarding.backbone.transitions.transfer.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChildInvolvementRepository extends JpaRepository<ChildInvolvement, ChildInvolvement.Key> {
}
