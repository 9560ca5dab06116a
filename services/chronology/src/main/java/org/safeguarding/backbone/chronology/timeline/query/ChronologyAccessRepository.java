package org.safeguarding.backbone.chronology.timeline.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChronologyAccessRepository extends JpaRepository<ChronologyAccess, String> {

    List<ChronologyAccess> findByChildIdOrderByAccessedAtAscIdAsc(String childId);
}
