package org.safeguarding.backbone.kernel.calendar;

import java.io.InputStream;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.TreeSet;
import org.safeguarding.backbone.kernel.datafile.DataFileLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Working days in England and Wales: Monday to Friday, less bank holidays. Safeguarding deadlines ("acknowledge
 * within 1 working day", "follow a phone call up in writing by the next working day") count in these.
 */
public final class WorkingDayCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(WorkingDayCalendar.class);

    private final Set<LocalDate> bankHolidays;
    private final ZoneId zone;
    private final LocalDate lastListedYearEnd;

    public WorkingDayCalendar(Set<LocalDate> bankHolidays, ZoneId zone) {
        this.bankHolidays = Set.copyOf(bankHolidays);
        this.zone = zone;
        this.lastListedYearEnd = bankHolidays.stream().max(LocalDate::compareTo)
                .map(last -> LocalDate.of(last.getYear(), 12, 31)).orElse(LocalDate.MIN);
    }

    /**
     * Reads a bank holiday file: {@code date,name} lines, ISO dates; blank lines, {@code #} comments and the header
     * are skipped. A line that is not a date is an error naming the line, not a silently shorter calendar.
     */
    public static WorkingDayCalendar fromBankHolidays(InputStream csv, String source, ZoneId zone) {
        Set<LocalDate> dates = new TreeSet<>();
        for (DataFileLines.Line line : DataFileLines.read(csv, source, "date,name")) {
            String date = line.split()[0];
            try {
                dates.add(LocalDate.parse(date));
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException(source + " line " + line.number() + ": '" + date
                        + "' is not a date (YYYY-MM-DD)", e);
            }
        }
        return new WorkingDayCalendar(dates, zone);
    }

    public boolean isWorkingDay(LocalDate date) {
        if (date.isAfter(lastListedYearEnd)) {
            LOG.warn("{} is after the last year in the bank holiday file: counted without bank holidays", date);
        }
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && !bankHolidays.contains(date);
    }

    /**
     * The moment {@code workingDays} working days after {@code from}, at the same local time: a share made on a
     * Friday at 14:00 with one working day to be acknowledged is due on Monday at 14:00, or on Tuesday when Monday
     * is a bank holiday.
     */
    public Instant plusWorkingDays(Instant from, int workingDays) {
        if (workingDays < 0) {
            throw new IllegalArgumentException("working days cannot be negative: " + workingDays);
        }
        ZonedDateTime at = from.atZone(zone);
        LocalDate day = at.toLocalDate();
        int remaining = workingDays;
        while (remaining > 0) {
            day = day.plusDays(1);
            if (isWorkingDay(day)) {
                remaining--;
            }
        }
        // the time of day of the start, on the day found: stepping a date-time day by day through the night the
        // clocks go forward (a Sunday in London) would carry the hour it skips into every day after (found by
        // CalendarPropertiesTest: Saturday 01:00 plus a working day came out at Monday 02:00)
        return workingDays == 0 ? from : day.atTime(at.toLocalTime()).atZone(zone).toInstant();
    }

    /**
     * The date {@code workingDays} working days after {@code from}, in the calendar's zone: a due date, the last day
     * to do something in (see {@link #endOf}).
     */
    public LocalDate dueDate(Instant from, int workingDays) {
        return plusWorkingDays(from, workingDays).atZone(zone).toLocalDate();
    }

    /** The moment {@code day} ends in the calendar's zone: something due by that day is overdue from then. */
    public Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(zone).toInstant();
    }

    public ZoneId zone() {
        return zone;
    }
}
