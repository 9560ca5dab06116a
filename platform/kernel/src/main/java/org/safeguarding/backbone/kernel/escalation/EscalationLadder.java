package org.safeguarding.backbone.kernel.escalation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;

/**
 * How something owed and late is chased (feedback, R8; a reply to a request for information, R11): overdue once its
 * due day has ended, then escalated up a ladder of steps from configuration, each so many working days after it
 * became overdue, in the backbone's working-day calendar: to the owing agency's designated safeguarding lead, then to
 * the safeguarding partnership of its area, or as configured.
 */
public class EscalationLadder {

    /** One rung of the ladder: {@code afterWorkingDays} after it became overdue, to {@code to}. */
    public record Step(int afterWorkingDays, Addressee to) {
        public Step {
            if (afterWorkingDays < 0 || to == null) {
                throw new IllegalArgumentException("an escalation step needs after-working-days (0 or more) and to ("
                        + List.of(Addressee.values()) + ")");
            }
        }
    }

    private final WorkingDayCalendar calendar;
    private final List<Step> steps;
    private final KnownAgencies agencies;

    /** @param setting the configuration the steps come from, named in errors */
    public EscalationLadder(WorkingDayCalendar calendar, List<Step> steps, KnownAgencies agencies, String setting) {
        this.calendar = calendar;
        this.steps = List.copyOf(steps);
        this.agencies = agencies;
        for (int i = 1; i < this.steps.size(); i++) {
            if (this.steps.get(i).afterWorkingDays() <= this.steps.get(i - 1).afterWorkingDays()) {
                throw new IllegalArgumentException(setting + ": each step comes later than the one before it (step "
                        + (i + 1) + ")");
            }
        }
    }

    /** Due by a day, it is overdue once that day has ended, in the calendar's zone. */
    public Instant overdueAt(LocalDate dueBy) {
        return calendar.endOf(dueBy);
    }

    /** The number of steps on the ladder. */
    public int steps() {
        return steps.size();
    }

    /** When step {@code level} (from 1) is due for something overdue since {@code overdueAt}. */
    public Instant escalationAt(Instant overdueAt, int level) {
        return calendar.plusWorkingDays(overdueAt, step(level).afterWorkingDays());
    }

    public Step step(int level) {
        return steps.get(level - 1);
    }

    /** The agency step {@code level} escalates to, for what {@code owedBy} owes. */
    public String escalatedTo(int level, String owedBy) {
        return step(level).to().agency(owedBy, agencies);
    }
}
