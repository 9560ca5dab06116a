package org.safeguarding.backbone.feedback.owed.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;

/**
 * How feedback that is late is chased (R8): overdue once its due day has ended, then escalated up a ladder of steps
 * from configuration ({@code backbone.feedback.escalation}), each so many working days after it became overdue, in
 * the backbone's working-day calendar: to the owing agency's designated safeguarding lead, then to the safeguarding
 * partnership of its area, or as configured.
 */
public final class FeedbackChase {

    /** One rung of the ladder: {@code afterWorkingDays} after the feedback became overdue, to {@code to}. */
    public record Step(int afterWorkingDays, Addressee to) {
        public Step {
            if (afterWorkingDays < 0 || to == null) {
                throw new IllegalArgumentException("backbone.feedback.escalation: a step needs after-working-days "
                        + "(0 or more) and to (" + List.of(Addressee.values()) + ")");
            }
        }
    }

    private final WorkingDayCalendar calendar;
    private final List<Step> steps;
    private final KnownAgencies agencies;

    public FeedbackChase(WorkingDayCalendar calendar, List<Step> steps, KnownAgencies agencies) {
        this.calendar = calendar;
        this.steps = List.copyOf(steps);
        this.agencies = agencies;
        for (int i = 1; i < this.steps.size(); i++) {
            if (this.steps.get(i).afterWorkingDays() <= this.steps.get(i - 1).afterWorkingDays()) {
                throw new IllegalArgumentException("backbone.feedback.escalation: each step comes later than the "
                        + "one before it (step " + (i + 1) + ")");
            }
        }
    }

    /** Feedback due by a day is overdue once that day has ended, in the calendar's zone. */
    public Instant overdueAt(LocalDate dueBy) {
        return dueBy.plusDays(1).atStartOfDay(calendar.zone()).toInstant();
    }

    /** The number of steps on the ladder. */
    public int steps() {
        return steps.size();
    }

    /** When step {@code level} (from 1) is due for feedback overdue since {@code overdueAt}. */
    public Instant escalationAt(Instant overdueAt, int level) {
        return calendar.plusWorkingDays(overdueAt, step(level).afterWorkingDays());
    }

    public Step step(int level) {
        return steps.get(level - 1);
    }

    /** The agency step {@code level} escalates to, for feedback owed by {@code owedBy}. */
    public String escalatedTo(int level, String owedBy) {
        return step(level).to().agency(owedBy, agencies);
    }
}
