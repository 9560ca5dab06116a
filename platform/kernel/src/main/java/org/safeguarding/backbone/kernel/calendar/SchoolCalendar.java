package org.safeguarding.backbone.kernel.calendar;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.safeguarding.backbone.kernel.datafile.DataFileLines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * When schools are open: school days are working days ({@link WorkingDayCalendar}) within a term, from the term dates
 * in configuration; a school is open on a school day from {@code opensAt} to {@code closesAt}. A deadline owed by a
 * school counts only the time it is open ({@link #plusOpenTime}): a police notice of a domestic incident sent on a
 * Sunday (Operation Encompass) is due in the first hour of the next school day, never overdue while the school is
 * closed.
 */
public final class SchoolCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(SchoolCalendar.class);

    /** A term, both days included. */
    public record Term(LocalDate first, LocalDate last, String name) {
        public Term {
            if (last.isBefore(first)) {
                throw new IllegalArgumentException("a term ends before it starts: " + name);
            }
        }

        boolean includes(LocalDate day) {
            return !day.isBefore(first) && !day.isAfter(last);
        }
    }

    private final WorkingDayCalendar workingDays;
    private final List<Term> terms;
    private final LocalTime opensAt;
    private final LocalTime closesAt;
    private final LocalDate lastListed;

    public SchoolCalendar(WorkingDayCalendar workingDays, List<Term> terms, LocalTime opensAt, LocalTime closesAt) {
        if (!closesAt.isAfter(opensAt)) {
            throw new IllegalArgumentException("a school closes after it opens: " + opensAt + " to " + closesAt);
        }
        this.workingDays = workingDays;
        this.terms = terms.stream().sorted(Comparator.comparing(Term::first)).toList();
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.lastListed = this.terms.isEmpty() ? LocalDate.MIN : this.terms.get(this.terms.size() - 1).last();
    }

    /**
     * Reads a term dates file: {@code first,last,name} lines, ISO dates, both days in the term; blank lines,
     * {@code #} comments and the header skipped. A line that is not two dates is an error naming the line.
     */
    public static SchoolCalendar fromTermDates(InputStream csv, String source, WorkingDayCalendar workingDays,
                                               LocalTime opensAt, LocalTime closesAt) {
        List<Term> terms = new ArrayList<>();
        for (DataFileLines.Line line : DataFileLines.read(csv, source, "first,last,name")) {
            String[] fields = line.text().split(",", 3);
            try {
                terms.add(new Term(LocalDate.parse(fields[0].strip()), LocalDate.parse(fields[1].strip()),
                        fields.length > 2 ? fields[2].strip() : ""));
            } catch (DateTimeParseException | ArrayIndexOutOfBoundsException e) {
                throw new IllegalArgumentException(source + " line " + line.number() + ": '" + line.text()
                        + "' is not first,last,name with ISO dates (YYYY-MM-DD)", e);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(source + " line " + line.number() + ": " + e.getMessage(), e);
            }
        }
        return new SchoolCalendar(workingDays, terms, opensAt, closesAt);
    }

    /**
     * A working day in a term. A day after the last term listed counts as a school day when it is a working day, with a
     * warning: the file needs the next year's terms, and a deadline must not stretch for want of them.
     */
    public boolean isSchoolDay(LocalDate day) {
        if (!workingDays.isWorkingDay(day)) {
            return false;
        }
        if (day.isAfter(lastListed)) {
            LOG.warn("{} is after the last term in the term dates file: counted as a school day", day);
            return true;
        }
        return terms.stream().anyMatch(term -> term.includes(day));
    }

    public boolean isOpen(Instant at) {
        ZonedDateTime local = at.atZone(workingDays.zone());
        LocalTime time = local.toLocalTime();
        return isSchoolDay(local.toLocalDate()) && !time.isBefore(opensAt) && time.isBefore(closesAt);
    }

    /** How long a school is open on a school day. */
    public Duration schoolDay() {
        return Duration.between(opensAt, closesAt);
    }

    /**
     * The moment {@code open} of the school's open time has passed after {@code from}: the clock runs only while the
     * school is open. From a Friday evening, an hour is Monday's first hour (or that of the first day of the next
     * term); from 15:00 on a school day closing at 15:30, an hour ends at 09:00 on the next school day opening at
     * 08:30.
     */
    public Instant plusOpenTime(Instant from, Duration open) {
        if (open.isNegative()) {
            throw new IllegalArgumentException("open time cannot be negative: " + open);
        }
        ZonedDateTime at = from.atZone(workingDays.zone());
        Duration left = open;
        for (int days = 0; days < 3660; days++) {
            LocalDate day = at.toLocalDate();
            if (isSchoolDay(day)) {
                ZonedDateTime opens = day.atTime(opensAt).atZone(workingDays.zone());
                ZonedDateTime closes = day.atTime(closesAt).atZone(workingDays.zone());
                ZonedDateTime start = at.isBefore(opens) ? opens : at;
                if (start.isBefore(closes)) {
                    Duration available = Duration.between(start, closes);
                    if (left.compareTo(available) <= 0) {
                        return start.plus(left).toInstant();
                    }
                    left = left.minus(available);
                }
            }
            at = day.plusDays(1).atStartOfDay(workingDays.zone());
        }
        throw new IllegalStateException("no school day within ten years of " + from);
    }
}
