package org.safeguarding.backbone.chronology.timeline.query;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

/**
 * A child's entries, always in the order things happened: by when each act happened and was recorded, then, for acts
 * of one moment (a confirmation of understanding and the reading it implies, made by one command), in the order
 * they were published on their topic, which is the order their service stored them; the event id last, so that the
 * order never depends on how the database happens to return rows.
 */
public interface ChronologyEntryRepository extends JpaRepository<ChronologyEntry, String> {

    /** How every query here orders the entries it returns. */
    String IN_ORDER = " order by e.occurredAt, e.recordedAt, e.sourceTopic, e.sourcePartition, e.sourceOffset,"
            + " e.eventId";

    /** Every entry about the child. */
    @Query("select e from ChronologyEntry e where e.childId = :childId" + IN_ORDER)
    List<ChronologyEntry> ofChild(@Param("childId") String childId);

    /** The acts about the child on one record ({@code share:<id>}, ...). */
    @Query("select e from ChronologyEntry e where e.childId = :childId and e.subject = :subject" + IN_ORDER)
    List<ChronologyEntry> ofChildOnRecord(@Param("childId") String childId, @Param("subject") String subject);

    /** The child's entries that {@code agency} was party to. */
    @Query("""
            select e from ChronologyEntry e
            where e.childId = :childId
              and exists (select 1 from EntryParty p where p.eventId = e.eventId and p.agency = :agency)"""
            + IN_ORDER)
    List<ChronologyEntry> partyTo(@Param("childId") String childId, @Param("agency") String agency);
}
