package org.safeguarding.backbone.chronology.timeline.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChildInvolvementRepository extends JpaRepository<ChildInvolvement, ChildInvolvement.Key> {
}
