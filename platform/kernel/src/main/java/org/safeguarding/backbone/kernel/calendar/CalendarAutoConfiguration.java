package org.safeguarding.backbone.kernel.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalTime;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/**
 * The calendar every service's deadlines count in: {@code backbone.calendar.bank-holidays} (a file of
 * {@code date,name} lines; by default England and Wales, shipped with this module) and {@code backbone.calendar.zone};
 * and when schools are open, for deadlines a school owes: {@code backbone.calendar.school.term-dates} (a file of
 * {@code first,last,name} lines; by default an example year shipped with this module, to be replaced by the area's
 * own), {@code .opens-at} and {@code .closes-at}.
 */
@AutoConfiguration
public class CalendarAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    WorkingDayCalendar workingDayCalendar(
            @Value("${backbone.calendar.bank-holidays:classpath:calendar/england-and-wales-bank-holidays.csv}")
            Resource bankHolidays,
            @Value("${backbone.calendar.zone:Europe/London}") String zone) {
        try (InputStream in = bankHolidays.getInputStream()) {
            return WorkingDayCalendar.fromBankHolidays(in, bankHolidays.getDescription(), ZoneId.of(zone));
        } catch (IOException e) {
            throw new UncheckedIOException("backbone.calendar.bank-holidays: cannot read " + bankHolidays, e);
        }
    }

    @Bean
    @ConditionalOnMissingBean
    SchoolCalendar schoolCalendar(WorkingDayCalendar workingDays,
                                  @Value("${backbone.calendar.school.term-dates:classpath:calendar/school-terms-example.csv}")
                                  Resource termDates,
                                  @Value("${backbone.calendar.school.opens-at:08:30}") String opensAt,
                                  @Value("${backbone.calendar.school.closes-at:15:30}") String closesAt) {
        try (InputStream in = termDates.getInputStream()) {
            return SchoolCalendar.fromTermDates(in, termDates.getDescription(), workingDays, LocalTime.parse(opensAt),
                    LocalTime.parse(closesAt));
        } catch (IOException e) {
            throw new UncheckedIOException("backbone.calendar.school.term-dates: cannot read " + termDates, e);
        }
    }
}
