package org.safeguarding.backbone.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class WorkingDayCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static WorkingDayCalendar shipped() {
        InputStream csv = WorkingDayCalendarTest.class.getResourceAsStream("/calendar/england-and-wales-bank-holidays.csv");
        return WorkingDayCalendar.fromBankHolidays(csv, "shipped file", LONDON);
    }

    @Test
    void aDueDateIsTheWorkingDayItFallsOn_overdueWhenThatDayHasEnded_inLondonTime() {
        // Friday 20 November 2026, 14:00: two working days on is Tuesday 24 November
        assertThat(shipped().dueDate(Instant.parse("2026-11-20T14:00:00Z"), 2)).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(shipped().endOf(LocalDate.parse("2026-11-24"))).isEqualTo(Instant.parse("2026-11-25T00:00:00Z"));
        // in British Summer Time a day ends at 23:00 UTC
        assertThat(shipped().endOf(LocalDate.parse("2026-06-01"))).isEqualTo(Instant.parse("2026-06-01T23:00:00Z"));
    }

    /** Found by CalendarPropertiesTest: the hour the clocks skip was carried into the deadline. */
    @Test
    void aShareMadeTheNightBeforeTheClocksGoForward_isDueAtTheSameTimeOfDay() {
        // Saturday 28 March 2026, 01:00 GMT; the clocks go forward at 01:00 on Sunday 29 March
        Instant saturday = Instant.parse("2026-03-28T01:00:00Z");

        // Monday 30 March, 01:00 British Summer Time (00:00 UTC), not 02:00
        assertThat(shipped().plusWorkingDays(saturday, 1)).isEqualTo(Instant.parse("2026-03-30T00:00:00Z"));
    }

    @Test
    void aFridayShareIsDueOnMonday() {
        Instant friday = Instant.parse("2026-11-20T14:00:00Z");

        assertThat(shipped().plusWorkingDays(friday, 1)).isEqualTo(Instant.parse("2026-11-23T14:00:00Z"));
    }

    @Test
    void aFridayShareBeforeABankHolidayMondayIsDueOnTuesday() {
        Instant friday = Instant.parse("2026-05-01T13:00:00Z"); // 14:00 in London (BST)

        assertThat(shipped().plusWorkingDays(friday, 1)).isEqualTo(Instant.parse("2026-05-05T13:00:00Z"));
    }

    @Test
    void christmasAndItsSubstituteDaysAreNotWorkingDays() {
        WorkingDayCalendar calendar = shipped();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-28"))).as("Boxing Day substitute").isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-12-29"))).isTrue();
        // Thursday 24 December 2026 + 1 working day: Friday 25 and Monday 28 are holidays, so Tuesday 29
        assertThat(calendar.plusWorkingDays(Instant.parse("2026-12-24T10:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-12-29T10:00:00Z"));
    }

    @Test
    void theLocalTimeIsKeptAcrossTheClockChange() {
        // Friday 23 October 2026 09:00 BST; the clocks go back on Sunday 25 October: due Monday 09:00 GMT
        assertThat(shipped().plusWorkingDays(Instant.parse("2026-10-23T08:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-10-26T09:00:00Z"));
    }

    @Test
    void aWeekendShareCountsFromTheNextWorkingDay() {
        assertThat(shipped().plusWorkingDays(Instant.parse("2026-11-21T10:00:00Z"), 1))
                .as("Saturday + 1 working day").isEqualTo(Instant.parse("2026-11-23T10:00:00Z"));
    }

    @Test
    void aLineThatIsNotADateIsAnErrorNamingIt() {
        String csv = "date,name\n2026-01-01,New Year's Day\n01/04/2026,Good Friday\n";

        assertThatThrownBy(() -> WorkingDayCalendar.fromBankHolidays(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "test.csv", LONDON))
                .hasMessageContaining("test.csv line 3")
                .hasMessageContaining("01/04/2026");
    }
}
