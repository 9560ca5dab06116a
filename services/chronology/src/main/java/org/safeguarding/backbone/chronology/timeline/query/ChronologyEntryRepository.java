package org.safeguarding.backbone.chronology.timeline.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChronologyEntryRepository extends JpaRepository<ChronologyEntry, String> {

    List<ChronologyEntry> findByChildIdOrderByOccurredAtAscRecordedAtAscEventIdAsc(String childId);
}
