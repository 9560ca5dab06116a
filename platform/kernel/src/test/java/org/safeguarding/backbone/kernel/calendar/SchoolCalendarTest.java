package org.safeguarding.backbone.kernel.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class SchoolCalendarTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final WorkingDayCalendar WORKING_DAYS = WorkingDayCalendar.fromBankHolidays(
            SchoolCalendarTest.class.getResourceAsStream("/calendar/england-and-wales-bank-holidays.csv"),
            "shipped file", LONDON);

    static SchoolCalendar shipped() {
        return SchoolCalendar.fromTermDates(SchoolCalendarTest.class.getResourceAsStream(
                "/calendar/school-terms-example.csv"), "shipped example", WORKING_DAYS, LocalTime.of(8, 30),
                LocalTime.of(15, 30));
    }

    @Test
    void aNoticeSentOnASunday_isDueInTheFirstHourOfMonday_notWhileTheSchoolIsClosed() {
        // Sunday 22 November 2026, 07:00
        Instant sunday = Instant.parse("2026-11-22T07:00:00Z");

        assertThat(shipped().isOpen(sunday)).isFalse();
        assertThat(shipped().plusOpenTime(sunday, Duration.ofHours(1))).isEqualTo(Instant.parse("2026-11-23T09:30:00Z"));
    }

    @Test
    void theClockStopsAtTheEndOfTheSchoolDay_andRunsOnTheNext() {
        // Tuesday 24 November 2026, 15:00: half an hour today, half an hour on Wednesday
        assertThat(shipped().plusOpenTime(Instant.parse("2026-11-24T15:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2026-11-25T09:00:00Z"));
        // within the day it is plain time
        assertThat(shipped().plusOpenTime(Instant.parse("2026-11-24T10:00:00Z"), Duration.ofHours(4)))
                .isEqualTo(Instant.parse("2026-11-24T14:00:00Z"));
        // a whole school day of open time from mid-morning: the same time on the next school day
        assertThat(shipped().plusOpenTime(Instant.parse("2026-11-24T10:00:00Z"), shipped().schoolDay()))
                .isEqualTo(Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void holidaysAreNotSchoolDays_theNextTermsFirstDayIs() {
        SchoolCalendar calendar = shipped();
        // Friday 18 December 2026, 15:00: the last half hour of the autumn term, then Tuesday 5 January 2027
        assertThat(calendar.plusOpenTime(Instant.parse("2026-12-18T15:00:00Z"), Duration.ofHours(1)))
                .isEqualTo(Instant.parse("2027-01-05T09:00:00Z"));
        assertThat(calendar.isSchoolDay(LocalDate.parse("2026-10-28"))).as("half term").isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.parse("2026-12-25"))).isFalse();
        assertThat(calendar.isSchoolDay(LocalDate.parse("2026-11-23"))).isTrue();
        // British Summer Time: the school opens at 08:30 local, 07:30 UTC
        assertThat(calendar.plusOpenTime(Instant.parse("2026-06-06T12:00:00Z"), Duration.ofMinutes(10)))
                .isEqualTo(Instant.parse("2026-06-08T07:40:00Z"));
    }

    @Test
    void aTermDatesFileWithABadLineIsRefused_namingTheLine() {
        String csv = "first,last,name\n2026-09-02,2026-10-23,Autumn\n2026-11-02,not a date,Autumn two\n";
        assertThatThrownBy(() -> SchoolCalendar.fromTermDates(new ByteArrayInputStream(
                csv.getBytes(StandardCharsets.UTF_8)), "terms.csv", WORKING_DAYS, LocalTime.of(8, 30),
                LocalTime.of(15, 30)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("terms.csv line 3");
        assertThatThrownBy(() -> new SchoolCalendar(WORKING_DAYS, java.util.List.of(), LocalTime.of(15, 30),
                LocalTime.of(8, 30))).isInstanceOf(IllegalArgumentException.class);
    }
}
