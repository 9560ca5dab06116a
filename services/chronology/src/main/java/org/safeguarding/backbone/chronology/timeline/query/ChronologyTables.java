package org.safeguarding.backbone.chronology.timeline.query;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.rebuild.TablesBeside;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;

/**
 * The tables the chronology is built in: the live ones the service reads ({@link #LIVE}), or a set beside them that a
 * rebuild fills while the live ones go on being read ({@link #REBUILD}), then takes their place. Recording an act
 * writes through here whichever set it goes to, so a rebuilt chronology is built by the very code that built the
 * live one.
 */
public record ChronologyTables(String suffix) {

    private static final String ENTRY_COLUMNS = "event_id, child_id, occurred_at, recorded_at, agency, practitioner, "
            + "event_type, summary, correlation_id, subject, published_at, due_at, source_topic, source_partition, "
            + "source_offset";
    private static final String ENTRY_PARTY_COLUMNS = "event_id, agency, child_id, event_type, occurred_at";
    private static final String SUBJECT_PARTY_COLUMNS = "subject, agency, child_id";
    private static final String AREA_COLUMNS = "child_id, area, basis, by_transfer, since";

    /** Values in one {@code in (...)}. */
    private static final int IN_AT_ONCE = 500;

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

    /**
     * What recording acts must know of those recorded before them, and where what it writes goes: the tables
     * ({@link #recording}), or a rebuild's memory of what it has loaded ({@link BulkLoad}).
     */
    interface Recording {

        /** Which of {@code eventIds} are recorded already. */
        Set<String> recordedOf(List<String> eventIds);

        /** The agencies party to each of {@code subjects} so far, in sets recording may add to. */
        Map<String, Set<String>> partiesOfSubjects(List<String> subjects);

        /** The area of each of {@code children} that has one, in a map recording may add to. */
        Map<String, ChildArea> areas(List<String> children);

        void write(Writes writes);
    }

    /** Recording that asks these tables, and writes to them. */
    Recording recording(JdbcTemplate jdbc) {
        return new Recording() {
            @Override
            public Set<String> recordedOf(List<String> eventIds) {
                return ChronologyTables.this.recordedOf(jdbc, eventIds);
            }

            @Override
            public Map<String, Set<String>> partiesOfSubjects(List<String> subjects) {
                return ChronologyTables.this.partiesOfSubjects(jdbc, subjects);
            }

            @Override
            public Map<String, ChildArea> areas(List<String> children) {
                return ChronologyTables.this.areas(jdbc, children);
            }

            @Override
            public void write(Writes writes) {
                ChronologyTables.this.write(jdbc, writes);
            }
        };
    }

    /** Which of {@code eventIds} are recorded already. */
    Set<String> recordedOf(JdbcTemplate jdbc, List<String> eventIds) {
        return new HashSet<>(in(jdbc, "select event_id from " + entry() + " where event_id in ", eventIds,
                (row, n) -> row.getString(1)));
    }

    List<String> partiesOf(JdbcTemplate jdbc, String eventId) {
        return jdbc.queryForList("select agency from " + entryParty() + " where event_id = ? order by agency",
                String.class, eventId);
    }

    /** The agencies party to each of {@code subjects} (a share, a request, ...) so far. */
    Map<String, Set<String>> partiesOfSubjects(JdbcTemplate jdbc, List<String> subjects) {
        Map<String, Set<String>> parties = new HashMap<>();
        in(jdbc, "select subject, agency from " + subjectParty() + " where subject in ", subjects,
                (row, n) -> Map.entry(row.getString(1), row.getString(2)))
                .forEach(party -> parties.computeIfAbsent(party.getKey(), s -> new LinkedHashSet<>())
                        .add(party.getValue()));
        return parties;
    }

    /** The area of each of {@code children} that has one. */
    Map<String, ChildArea> areas(JdbcTemplate jdbc, List<String> children) {
        Map<String, ChildArea> areas = new HashMap<>();
        in(jdbc, "select child_id, area, basis, by_transfer, since from " + childArea() + " where child_id in ",
                children, ChronologyTables::area).forEach(area -> areas.put(area.getChildId(), area));
        return areas;
    }

    /** {@code select ... in (?, ...)} for {@code values}, a few hundred at a time. */
    private static <T> List<T> in(JdbcTemplate jdbc, String select, List<String> values, RowMapper<T> rows) {
        List<T> found = new ArrayList<>();
        for (int from = 0; from < values.size(); from += IN_AT_ONCE) {
            List<String> some = values.subList(from, Math.min(values.size(), from + IN_AT_ONCE));
            found.addAll(jdbc.query(select + some.stream().map(v -> "?").collect(Collectors.joining(", ", "(", ")")),
                    rows, some.toArray()));
        }
        return found;
    }

    /** What recording some acts writes, written at once ({@link #write}). */
    static final class Writes {
        private final SealedColumn.Text summaries;
        private final List<Object[]> entries = new ArrayList<>();
        private final List<Object[]> parties = new ArrayList<>();
        private final List<Object[]> subjectParties = new ArrayList<>();
        private List<ChildArea> newAreas = List.of();
        private List<ChildArea> movedAreas = List.of();

        /** @param summaries how an entry's summary is stored: sealed under its child's key (R18) */
        Writes(SealedColumn.Text summaries) {
            this.summaries = summaries;
        }

        void entry(ChronologyEntry e) {
            entries.add(new Object[] {e.getEventId(), e.getChildId(), at(e.getOccurredAt()), at(e.getRecordedAt()),
                e.getAgency(), e.getPractitioner(), e.getEventType(),
                summaries.convertToDatabaseColumn(e.summaryAsKept()), e.getCorrelationId(),
                e.getSubject(), at(e.getPublishedAt()), at(e.getDueAt()), e.getSourceTopic(), e.getSourcePartition(),
                e.getSourceOffset()});
        }

        void party(String eventId, String agency, String childId, String eventType, Instant occurredAt) {
            parties.add(new Object[] {eventId, agency, childId, eventType, at(occurredAt)});
        }

        void subjectParty(String subject, String agency, String childId) {
            subjectParties.add(new Object[] {subject, agency, childId});
        }

        void areas(List<ChildArea> added, List<ChildArea> moved) {
            this.newAreas = added;
            this.movedAreas = moved;
        }

        /** The event ids of the entries written. */
        List<String> eventIds() {
            return entries.stream().map(entry -> (String) entry[0]).toList();
        }
    }

    void write(JdbcTemplate jdbc, Writes writes) {
        writeActs(jdbc, writes);
        insertAreas(jdbc, writes.newAreas);
        batch(jdbc, "update " + childArea() + " set area = ?, basis = ?, by_transfer = ?, since = ? where child_id = ?",
                writes.movedAreas.stream().map(a -> new Object[] {a.getArea(), a.getBasis(), a.isByTransfer(),
                    at(a.getSince()), a.getChildId()}).toList());
    }

    /** The entries, their parties and their subjects' parties of {@code writes}; not the areas. */
    void writeActs(JdbcTemplate jdbc, Writes writes) {
        batch(jdbc, BulkRows.insert(entry(), ENTRY_COLUMNS), writes.entries);
        batch(jdbc, BulkRows.insert(entryParty(), ENTRY_PARTY_COLUMNS), writes.parties);
        batch(jdbc, BulkRows.insert(subjectParty(), SUBJECT_PARTY_COLUMNS), writes.subjectParties);
    }

    /** As {@link #writeActs}, appended in bulk ({@link BulkRows}): into a rebuild's tables, before their keys. */
    void appendActs(JdbcTemplate jdbc, Writes writes) {
        BulkRows.append(jdbc, entry(), ENTRY_COLUMNS, writes.entries);
        BulkRows.append(jdbc, entryParty(), ENTRY_PARTY_COLUMNS, writes.parties);
        BulkRows.append(jdbc, subjectParty(), SUBJECT_PARTY_COLUMNS, writes.subjectParties);
    }

    void insertAreas(JdbcTemplate jdbc, Collection<ChildArea> areas) {
        batch(jdbc, BulkRows.insert(childArea(), AREA_COLUMNS), areaRows(areas));
    }

    /** As {@link #insertAreas}, appended in bulk ({@link BulkRows}). */
    void appendAreas(JdbcTemplate jdbc, Collection<ChildArea> areas) {
        BulkRows.append(jdbc, childArea(), AREA_COLUMNS, areaRows(areas));
    }

    private static List<Object[]> areaRows(Collection<ChildArea> areas) {
        return areas.stream().map(a -> new Object[] {a.getChildId(), a.getArea(), a.getBasis(), a.isByTransfer(),
            at(a.getSince())}).toList();
    }


    private static void batch(JdbcTemplate jdbc, String sql, List<Object[]> rows) {
        if (rows.size() == 1) {
            jdbc.update(sql, rows.get(0));
        } else if (!rows.isEmpty()) {
            jdbc.batchUpdate(sql, rows);
        }
    }

    private static ChildArea area(ResultSet row, int n) throws SQLException {
        return new ChildArea(row.getString("child_id"), row.getString("area"), row.getString("basis"),
                row.getBoolean("by_transfer"), row.getObject("since", OffsetDateTime.class).toInstant());
    }
}
