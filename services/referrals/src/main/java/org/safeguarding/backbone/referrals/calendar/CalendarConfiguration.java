package org.safeguarding.backbone.referrals.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/** The calendar deadlines count in: {@code backbone.calendar.bank-holidays} and {@code backbone.calendar.zone}. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

    @Bean
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
