package org.safeguarding.backbone.chronology.pattern.process;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.chronology.pattern.rules.Detection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patterns already announced for each child ({@code pattern_flag}, its acts in {@code pattern_flag_act}), so that
 * each is announced once: a detection an announced pattern of the same rule already tells of is not new
 * ({@link Detection#toldBy}).
 */
@Component
class PatternFlags {

    /** Values in one {@code in (...)}. */
    private static final int IN_AT_ONCE = 500;

    private final JdbcTemplate jdbc;

    PatternFlags(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Whether {@code detection} is new: no pattern of its rule announced for the child tells of it already
     * ({@link Detection#toldBy}). Only the patterns sharing an act with it are read, and of each only how many acts it
     * shares and what it counted, not all the child's patterns and their acts.
     */
    @Transactional(readOnly = true)
    boolean isNew(String childId, Detection detection) {
        Map<String, Integer> inCommon = new HashMap<>();
        Map<String, Integer> counted = new HashMap<>();
        List<String> acts = List.copyOf(new HashSet<>(detection.contributing()));
        for (int from = 0; from < acts.size(); from += IN_AT_ONCE) {
            List<String> some = acts.subList(from, Math.min(acts.size(), from + IN_AT_ONCE));
            List<Object> arguments = new ArrayList<>(List.of(childId, detection.rule()));
            arguments.addAll(some);
            jdbc.query("select f.pattern_id, f.counted, count(*) as in_common from pattern_flag f "
                    + "join pattern_flag_act a on a.pattern_id = f.pattern_id where f.child_id = ? and f.rule = ? "
                    + "and a.event_id in (" + String.join(", ", Collections.nCopies(some.size(), "?")) + ") "
                    + "group by f.pattern_id, f.counted", row -> {
                        String pattern = row.getString("pattern_id");
                        inCommon.merge(pattern, row.getInt("in_common"), Integer::sum);
                        counted.put(pattern, row.getObject("counted", Integer.class));
                    }, arguments.toArray());
        }
        return inCommon.entrySet().stream()
                .noneMatch(pattern -> detection.toldBy(pattern.getValue(), counted.get(pattern.getKey())));
    }

    /** Notes that the pattern was announced; noting it again (another thread found it too) changes nothing. */
    @Transactional
    void announced(String patternId, String childId, Detection detection) {
        if (jdbc.queryForObject("select count(*) from pattern_flag where pattern_id = ?", Integer.class,
                patternId) > 0) {
            return;
        }
        jdbc.update("insert into pattern_flag (pattern_id, child_id, rule, counted) values (?, ?, ?, ?)", patternId,
                childId, detection.rule(), detection.counted());
        jdbc.batchUpdate("insert into pattern_flag_act (pattern_id, event_id) values (?, ?)",
                new HashSet<>(detection.contributing()).stream().map(eventId -> new Object[] {patternId, eventId})
                        .toList());
    }
}
