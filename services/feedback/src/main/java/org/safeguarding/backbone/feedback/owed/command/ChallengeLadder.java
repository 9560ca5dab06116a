package org.safeguarding.backbone.feedback.owed.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.escalation.Addressee;

/**
 * How a professional disagreement about feedback is resolved: the levels of the partnership's escalation policy,
 * from configuration ({@code backbone.feedback.challenge.levels}), each addressed to someone and answered within so
 * many working days, in the backbone's working-day calendar. A level not answered by the end of its last day is
 * overdue, and the challenge climbs to the next.
 */
public final class ChallengeLadder {

    /** One level: addressed {@code to}, answered within {@code answerWithinWorkingDays} of reaching it. */
    public record Level(int answerWithinWorkingDays, Addressee to) {
        public Level {
            if (answerWithinWorkingDays < 1 || to == null) {
                throw new IllegalArgumentException("backbone.feedback.challenge: a level needs "
                        + "answer-within-working-days (1 or more) and to (" + List.of(Addressee.values()) + ")");
            }
        }
    }

    private final WorkingDayCalendar calendar;
    private final List<Level> levels;
    private final KnownAgencies agencies;

    public ChallengeLadder(WorkingDayCalendar calendar, List<Level> levels, KnownAgencies agencies) {
        if (levels.isEmpty()) {
            throw new IllegalArgumentException("backbone.feedback.challenge: at least one level is needed");
        }
        this.calendar = calendar;
        this.levels = List.copyOf(levels);
        this.agencies = agencies;
    }

    /** The number of levels; the last is the top, where the challenge is decided. */
    public int levels() {
        return levels.size();
    }

    public Level level(int level) {
        return levels.get(level - 1);
    }

    /** The last working day to answer at {@code level}, reached at {@code reachedAt}. */
    public LocalDate answerDueBy(int level, Instant reachedAt) {
        return calendar.dueDate(reachedAt, level(level).answerWithinWorkingDays());
    }

    /** A level due by a day is overdue once that day has ended, in the calendar's zone. */
    public Instant overdueAt(LocalDate answerDueBy) {
        return calendar.endOf(answerDueBy);
    }

    /** The agency that answers at {@code level} a challenge to feedback given by {@code givenBy}. */
    public String addressedTo(int level, String givenBy) {
        return level(level).to().agency(givenBy, agencies);
    }
}
