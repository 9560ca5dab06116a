package org.safeguarding.backbone.chronology.pattern.process;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.chronology.pattern.rules.StreamAct;
import org.safeguarding.backbone.kernel.rebuild.SwitchGate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Some patterns need only time to pass (feedback not given by its due date): every
 * {@code backbone.patterns.sweep-every}, the children with a deadline passed, not met and not yet flagged are looked
 * at again, each as the act that set the deadline.
 */
@Component
class DeadlineSweep {

    private static final Logger LOG = LoggerFactory.getLogger(DeadlineSweep.class);

    private final JdbcTemplate jdbc;
    private final PatternDetector detector;
    private final PatternSettings settings;
    private final SwitchGate gate;

    DeadlineSweep(JdbcTemplate jdbc, PatternDetector detector, PatternSettings settings, SwitchGate gate) {
        this.jdbc = jdbc;
        this.detector = detector;
        this.settings = settings;
        this.gate = gate;
    }

    @Scheduled(fixedDelayString = "${backbone.patterns.sweep-every}", initialDelayString = "PT10S")
    void sweep() {
        if (!settings.feedbackOverdue().enabled()) {
            return;
        }
        // a read of the chronology like any other: not while a rebuild takes the live one's place
        List<Map.Entry<String, StreamAct>> overdue;
        try (SwitchGate.Passage passage = gate.pass()) {
            overdue = jdbc.query("""
                select e.child_id, e.event_id, e.event_type, e.agency, e.occurred_at, e.subject, e.due_at
                from chronology_entry e
                where e.event_type = 'FeedbackRequested' and e.due_at < ?
                  and not exists (select 1 from chronology_entry g where g.subject = e.subject
                                  and g.event_type = 'FeedbackGiven' and g.occurred_at <= e.due_at)
                  and not exists (select 1 from pattern_flag_act a join pattern_flag f on f.pattern_id = a.pattern_id
                                  where a.event_id = e.event_id and f.rule = ?)""",
                (row, n) -> Map.entry(row.getString("child_id"), ChildActs.act(row)),
                Timestamp.from(Clock.systemUTC().instant()), PatternCatalogue.FEEDBACK_OVERDUE);
        }
        // each deadline passed is looked at as the act that set it: its record's acts, not the child's history
        for (Map.Entry<String, StreamAct> deadline : overdue) {
            try (SwitchGate.Passage passage = gate.pass()) {
                detector.lookAfter(deadline.getKey(), deadline.getValue());
            } catch (Exception e) {
                LOG.warn("could not look for patterns in child {}'s acts now; tried again at the next sweep",
                        deadline.getKey(), e);
            }
        }
    }
}
