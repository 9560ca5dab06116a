package org.safeguarding.backbone.chronology.timeline.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.safeguarding.backbone.messaging.rebuild.TablesBeside;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The tables the chronology is built in: the live ones the service reads ({@link #LIVE}), or a set beside them that a
 * rebuild fills while the live ones go on being read ({@link #REBUILD}), then takes their place. Recording an act
 * writes through here whichever set it goes to, so a rebuilt chronology is built by the very code that built the
 * live one.
 */
public record ChronologyTables(String suffix) {

    public static final ChronologyTables LIVE = new ChronologyTables("");
    public static final ChronologyTables REBUILD = new ChronologyTables(TablesBeside.SUFFIX);

    /** The tables of the chronology that are built from the topics, and so rebuilt from them. */
    public static final List<String> BUILT_FROM_TOPICS = List.of("chronology_entry", "chronology_entry_party",
            "chronology_subject_party", "child_area");

    public String entry() {
        return "chronology_entry" + suffix;
    }

    public String entryParty() {
        return "chronology_entry_party" + suffix;
    }

    public String subjectParty() {
        return "chronology_subject_party" + suffix;
    }

    public String childArea() {
        return "child_area" + suffix;
    }

    static OffsetDateTime at(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    boolean hasEntry(JdbcTemplate jdbc, String eventId) {
        return !jdbc.queryForList("select 1 from " + entry() + " where event_id = ?", Integer.class, eventId)
                .isEmpty();
    }

    List<String> partiesOf(JdbcTemplate jdbc, String eventId) {
        return jdbc.queryForList("select agency from " + entryParty() + " where event_id = ? order by agency",
                String.class, eventId);
    }

    List<String> partiesOfSubject(JdbcTemplate jdbc, String subject) {
        return jdbc.queryForList("select agency from " + subjectParty() + " where subject = ?", String.class,
                subject);
    }

    void insertEntry(JdbcTemplate jdbc, ChronologyEntry e) {
        jdbc.update("insert into " + entry() + " (event_id, child_id, occurred_at, recorded_at, agency, practitioner, "
                        + "event_type, summary, correlation_id, subject, published_at, due_at, source_topic, "
                        + "source_partition, source_offset) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                e.getEventId(), e.getChildId(), at(e.getOccurredAt()), at(e.getRecordedAt()), e.getAgency(),
                e.getPractitioner(), e.getEventType(), e.getSummary(), e.getCorrelationId(), e.getSubject(),
                at(e.getPublishedAt()), at(e.getDueAt()), e.getSourceTopic(), e.getSourcePartition(),
                e.getSourceOffset());
    }

    void insertParty(JdbcTemplate jdbc, String eventId, String agency, String childId, String eventType,
                     Instant occurredAt) {
        jdbc.update("insert into " + entryParty() + " (event_id, agency, child_id, event_type, occurred_at) "
                + "values (?, ?, ?, ?, ?)", eventId, agency, childId, eventType, at(occurredAt));
    }

    void addSubjectParty(JdbcTemplate jdbc, String subject, String agency, String childId) {
        if (jdbc.queryForList("select 1 from " + subjectParty() + " where subject = ? and agency = ?", Integer.class,
                subject, agency).isEmpty()) {
            jdbc.update("insert into " + subjectParty() + " (subject, agency, child_id) values (?, ?, ?)", subject,
                    agency, childId);
        }
    }

    Optional<ChildArea> area(JdbcTemplate jdbc, String childId) {
        return jdbc.query("select child_id, area, basis, by_transfer, since from " + childArea()
                + " where child_id = ?", ChronologyTables::area, childId).stream().findFirst();
    }

    private static ChildArea area(ResultSet row, int n) throws SQLException {
        return new ChildArea(row.getString("child_id"), row.getString("area"), row.getString("basis"),
                row.getBoolean("by_transfer"), row.getObject("since", OffsetDateTime.class).toInstant());
    }

    void insertArea(JdbcTemplate jdbc, ChildArea area) {
        jdbc.update("insert into " + childArea() + " (child_id, area, basis, by_transfer, since) values (?, ?, ?, ?, ?)",
                area.getChildId(), area.getArea(), area.getBasis(), area.isByTransfer(), at(area.getSince()));
    }

    void updateArea(JdbcTemplate jdbc, ChildArea area) {
        jdbc.update("update " + childArea() + " set area = ?, basis = ?, by_transfer = ?, since = ? where child_id = ?",
                area.getArea(), area.getBasis(), area.isByTransfer(), at(area.getSince()), area.getChildId());
    }
}
