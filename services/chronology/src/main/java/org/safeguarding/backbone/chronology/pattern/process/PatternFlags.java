package org.safeguarding.backbone.chronology.pattern.process;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeguarding.backbone.chronology.pattern.rules.Detection;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The patterns already announced for each child ({@code pattern_flag}, its acts in {@code pattern_flag_act}), so that
 * each is announced once: a detection whose acts all lie within one already announced by the same rule is not new.
 */
@Component
class PatternFlags {

    private final JdbcTemplate jdbc;

    PatternFlags(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The acts of each pattern announced for the child, by rule. */
    @Transactional(readOnly = true)
    Map<String, List<Set<String>>> announcedFor(String childId) {
        Map<String, Map<String, Set<String>>> byPattern = new HashMap<>();
        jdbc.query("select f.pattern_id, f.rule, a.event_id from pattern_flag f "
                + "join pattern_flag_act a on a.pattern_id = f.pattern_id where f.child_id = ?", row -> {
                    byPattern.computeIfAbsent(row.getString("rule"), rule -> new HashMap<>())
                            .computeIfAbsent(row.getString("pattern_id"), id -> new HashSet<>())
                            .add(row.getString("event_id"));
                }, childId);
        Map<String, List<Set<String>>> byRule = new HashMap<>();
        byPattern.forEach((rule, patterns) -> byRule.put(rule, new ArrayList<>(patterns.values())));
        return byRule;
    }

    static boolean isNew(Detection detection, Map<String, List<Set<String>>> announced) {
        return announced.getOrDefault(detection.rule(), List.of()).stream()
                .noneMatch(acts -> acts.containsAll(detection.contributing()));
    }

    /** Notes that the pattern was announced; noting it again (another thread found it too) changes nothing. */
    @Transactional
    void announced(String patternId, String childId, Detection detection) {
        if (jdbc.queryForObject("select count(*) from pattern_flag where pattern_id = ?", Integer.class,
                patternId) > 0) {
            return;
        }
        jdbc.update("insert into pattern_flag (pattern_id, child_id, rule) values (?, ?, ?)", patternId, childId,
                detection.rule());
        for (String eventId : new HashSet<>(detection.contributing())) {
            jdbc.update("insert into pattern_flag_act (pattern_id, event_id) values (?, ?)", patternId, eventId);
        }
    }
}
