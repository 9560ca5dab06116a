package org.safeguarding.backbone.chronology.pattern.process;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.backbone.chronology.pattern.rules.Scope;
import org.safeguarding.backbone.chronology.pattern.rules.StreamAct;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The part of a child's chronology a pattern rule asks for ({@link Scope}), read through the chronology's indexes
 * (by child, kind and time; by record), so that looking after an act reads its window or its record and not the
 * child's whole history. The backbone's own conclusions ({@code PatternDetected}) are not acts the rules count.
 */
@Component
class ChildActs {

    private static final String SELECT = "select event_id, event_type, agency, occurred_at, subject, due_at "
            + "from chronology_entry where child_id = ? and event_type <> 'PatternDetected'";

    private final JdbcTemplate jdbc;

    ChildActs(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    List<StreamAct> within(String childId, Scope scope) {
        List<StreamAct> acts = new ArrayList<>();
        if (scope.subject() != null) {
            // one record's acts: few, whatever the child's history; the kinds and times sorted out here
            jdbc.query(SELECT + " and subject = ?", (row, n) -> act(row), childId, scope.subject()).stream()
                    .filter(scope::includes).forEach(acts::add);
            return acts;
        }
        // one query a kind, each an index range (child, kind, from, to) on H2 as on PostgreSQL
        for (String kind : scope.eventTypes()) {
            List<Object> arguments = new ArrayList<>(List.of(childId, kind));
            StringBuilder sql = new StringBuilder(SELECT).append(" and event_type = ?");
            if (scope.from() != null) {
                sql.append(" and occurred_at >= ?");
                arguments.add(scope.from().atOffset(ZoneOffset.UTC));
            }
            if (scope.to() != null) {
                sql.append(" and occurred_at <= ?");
                arguments.add(scope.to().atOffset(ZoneOffset.UTC));
            }
            acts.addAll(jdbc.query(sql.toString(), (row, n) -> act(row), arguments.toArray()));
        }
        return acts;
    }

    /** One row of {@code chronology_entry} as the rules see it (the sweep reads its deadlines this way too). */
    static StreamAct act(ResultSet row) throws SQLException {
        return new StreamAct(row.getString("event_id"), row.getString("event_type"), row.getString("agency"),
                instant(row, "occurred_at"), row.getString("subject"), instant(row, "due_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        OffsetDateTime at = row.getObject(column, OffsetDateTime.class);
        return at == null ? null : at.toInstant();
    }
}
