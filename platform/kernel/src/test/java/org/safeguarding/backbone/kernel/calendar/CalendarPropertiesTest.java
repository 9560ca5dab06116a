package org.safeguarding.backbone.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Properties of the calendars every deadline counts in (issue 12), for any moment from 2020 to 2030 and any set of
 * bank holidays, not only the examples the other tests pick: a deadline lands on a working day, exactly the
 * working days asked for after the start, later for more days, the same in steps as at once; open time only runs
 * while a school is open.
 */
class CalendarPropertiesTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant FROM = Instant.parse("2020-01-01T00:00:00Z");
    private static final Instant TO = Instant.parse("2030-12-31T00:00:00Z");

    @Provide
    Arbitrary<Instant> moments() {
        return Arbitraries.longs().between(FROM.getEpochSecond(), TO.getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Provide
    Arbitrary<Set<LocalDate>> bankHolidays() {
        return Arbitraries.integers().between(0, 4017).map(day -> LocalDate.of(2020, 1, 1).plusDays(day))
                .set().ofMaxSize(120);
    }

    private static long workingDaysBetween(WorkingDayCalendar calendar, LocalDate after, LocalDate upTo) {
        return after.plusDays(1).datesUntil(upTo.plusDays(1)).filter(calendar::isWorkingDay).count();
    }

    @Property(tries = 500)
    void aDeadlineIsExactlyTheWorkingDaysAskedFor_onAWorkingDay_atTheSameTimeOfDay(
            @ForAll("moments") Instant from, @ForAll @IntRange(min = 1, max = 40) int days,
            @ForAll("bankHolidays") Set<LocalDate> holidays) {
        WorkingDayCalendar calendar = new WorkingDayCalendar(holidays, LONDON);

        Instant due = calendar.plusWorkingDays(from, days);

        ZonedDateTime start = from.atZone(LONDON);
        ZonedDateTime end = due.atZone(LONDON);
        assertThat(calendar.isWorkingDay(end.toLocalDate())).isTrue();
        assertThat(workingDaysBetween(calendar, start.toLocalDate(), end.toLocalDate())).isEqualTo(days);
        // a weekday never falls in a clock change (Sundays in London), so the local time holds
        assertThat(end.toLocalTime()).isEqualTo(start.toLocalTime());
        assertThat(calendar.dueDate(from, days)).isEqualTo(end.toLocalDate());
        assertThat(calendar.endOf(calendar.dueDate(from, days))).isAfter(due);
    }

    @Property(tries = 300)
    void moreDaysIsLater_andStepsAddUp(@ForAll("moments") Instant from, @ForAll @IntRange(min = 0, max = 20) int first,
                                       @ForAll @IntRange(min = 1, max = 20) int then,
                                       @ForAll("bankHolidays") Set<LocalDate> holidays) {
        WorkingDayCalendar calendar = new WorkingDayCalendar(holidays, LONDON);

        assertThat(calendar.plusWorkingDays(from, first + then)).isAfter(calendar.plusWorkingDays(from, first));
        assertThat(calendar.plusWorkingDays(calendar.plusWorkingDays(from, first), then))
                .isEqualTo(calendar.plusWorkingDays(from, first + then));
        assertThat(calendar.plusWorkingDays(from, 0)).isEqualTo(from);
    }

    @Property(tries = 300)
    void openTimeRunsOnlyWhileTheSchoolIsOpen(@ForAll("moments") Instant from,
                                              @ForAll @IntRange(min = 1, max = 60 * 20) int minutes,
                                              @ForAll("bankHolidays") Set<LocalDate> holidays) {
        WorkingDayCalendar workingDays = new WorkingDayCalendar(holidays, LONDON);
        SchoolCalendar school = new SchoolCalendar(workingDays, List.of(
                new SchoolCalendar.Term(LocalDate.of(2020, 1, 6), LocalDate.of(2031, 12, 19), "all year")),
                LocalTime.of(8, 30), LocalTime.of(15, 30));
        Duration open = Duration.ofMinutes(minutes);

        Instant due = school.plusOpenTime(from, open);

        assertThat(due).as("no sooner than the time itself").isAfterOrEqualTo(from.plus(open));
        // the last moment counted was one the school was open
        assertThat(school.isOpen(due.minusSeconds(1))).isTrue();
        // and the open time between is exactly what was asked for, minute by minute
        long openMinutes = 0;
        for (Instant at = from; at.isBefore(due); at = at.plusSeconds(60)) {
            if (school.isOpen(at)) {
                openMinutes++;
            }
        }
        assertThat(openMinutes).isBetween((long) minutes - 1, (long) minutes + 1);
        assertThat(school.plusOpenTime(from, open.plusMinutes(1))).isAfter(due);
    }
}
