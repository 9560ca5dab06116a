package org.safeguarding.backbone.chronology.timeline.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface ChronologyEntryRepository extends JpaRepository<ChronologyEntry, String> {

    List<ChronologyEntry> findByChildIdOrderByOccurredAtAscRecordedAtAscEventIdAsc(String childId);

    /** The acts about the child on one record ({@code share:<id>}, ...), in the order they happened. */
    List<ChronologyEntry> findByChildIdAndSubjectOrderByOccurredAtAscRecordedAtAscEventIdAsc(String childId,
                                                                                           String subject);

    /** The child's entries that {@code agency} was party to, in the order things happened. */
    @Query("""
            select e from ChronologyEntry e
            where e.childId = :childId
              and exists (select 1 from EntryParty p where p.eventId = e.eventId and p.agency = :agency)
            order by e.occurredAt, e.recordedAt, e.eventId""")
    List<ChronologyEntry> partyTo(@Param("childId") String childId, @Param("agency") String agency);
}
