package org.safeguarding.backbone.kernel.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;

/**
 * The calendar every service's deadlines count in: {@code backbone.calendar.bank-holidays} (a file of
 * {@code date,name} lines; by default England and Wales, shipped with this module) and {@code backbone.calendar.zone}.
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
}
