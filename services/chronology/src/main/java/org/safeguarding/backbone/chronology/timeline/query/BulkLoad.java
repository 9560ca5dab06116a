package org.safeguarding.backbone.chronology.timeline.query;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bulk of a rebuild ({@code ChronologyRebuild}): the acts from the beginning of the topics, recorded into tables
 * beside the live ones that have no keys yet. What recording an act needs of those before it (whether it is recorded
 * already, who was party to its subject, the child's area) comes from this load's memory of what it has recorded,
 * not from the tables, so the rows are appended rather than each searched for in a key's tree: on the embedded H2
 * store that search was most of a rebuild's time (docs/profiles/replay-2026-11-25.md). The children's areas are held
 * here until {@link #finish}, each written once. Then the tables get their keys, and the rest of the rebuild records
 * through them as live.
 *
 * <p>Memory: at most {@link #BYTES_AN_ACT} bytes an act; a rebuild loads in bulk only where that fits
 * ({@link #fits}), and otherwise records through the tables from the start, more slowly.
 */
public final class BulkLoad implements ChronologyTables.Recording {

    /**
     * What the memory of one act costs at most: its event id (16-32 bytes), its share of its record's parties and of
     * its child's area. Measured 2026-11-27 for the replay benchmark's children (ten acts about five records each):
     * 221 bytes an act; an act that is the only one about its record costs about 450.
     */
    static final long BYTES_AN_ACT = 512;

    private final JdbcTemplate jdbc;
    private final ChronologyTables tables;
    private final EventIds recorded = new EventIds();
    private final Map<String, Set<String>> subjectParties = new HashMap<>();
    private final Map<String, ChildArea> areas = new HashMap<>();

    public BulkLoad(JdbcTemplate jdbc, ChronologyTables tables) {
        this.jdbc = jdbc;
        this.tables = tables;
    }

    /**
     * Whether the memory of {@code acts} acts fits in half of what this JVM's heap has free, leaving the other half to
     * the live service.
     */
    public static boolean fits(long acts) {
        Runtime runtime = Runtime.getRuntime();
        long free = runtime.maxMemory() - (runtime.totalMemory() - runtime.freeMemory());
        return acts * BYTES_AN_ACT <= free / 2;
    }

    @Override
    public Set<String> recordedOf(List<String> eventIds) {
        return Set.copyOf(eventIds.stream().filter(recorded::contains).toList());
    }

    @Override
    public Map<String, Set<String>> partiesOfSubjects(List<String> subjects) {
        return subjectParties;
    }

    @Override
    public Map<String, ChildArea> areas(List<String> children) {
        return areas;
    }

    @Override
    public void write(ChronologyTables.Writes writes) {
        tables.appendActs(jdbc, writes);
        writes.eventIds().forEach(recorded::add);
    }

    /** The acts recorded so far. */
    public int acts() {
        return recorded.size();
    }

    /** Writes every child's area, as the acts loaded left it; the records' parties and the areas are let go. */
    public void finish() {
        tables.appendAreas(jdbc, areas.values());
        subjectParties.clear();
        areas.clear();
    }
}
