package org.safeguarding.backbone.chronology.timeline.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface EntryPartyRepository extends JpaRepository<EntryParty, EntryParty.Key> {

    /** The agencies party to one act. */
    @Query("select p.agency from EntryParty p where p.eventId = :eventId order by p.agency")
    List<String> agenciesPartyTo(@Param("eventId") String eventId);

    /** Who was party to each of these acts. */
    List<EntryParty> findByEventIdIn(Collection<String> eventIds);

    /** The agency has been party to at least one act about the child. */
    boolean existsByChildIdAndAgency(String childId, String agency);

    /** Each agency involved with the child, each kind of act it was party to, and since when. */
    @Query("""
            select new org.safeguarding.backbone.chronology.timeline.query.EntryPartyRepository$ActKind(
                p.agency, p.eventType, min(p.occurredAt))
            from EntryParty p where p.childId = :childId
            group by p.agency, p.eventType""")
    List<ActKind> actKinds(@Param("childId") String childId);

    record ActKind(String agency, String eventType, Instant since) {
    }
}
