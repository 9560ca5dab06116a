package org.safeguarding.backbone.chronology.timeline.query;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ChildAreaRepository extends JpaRepository<ChildArea, String> {
}
