package org.safeguarding.backbone.referrals.share.command;

import java.time.Duration;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.SchoolCalendar;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ShareDeadlinesConfiguration.DeadlineProperties.class)
class ShareDeadlinesConfiguration {

    /**
     * {@code backbone.referrals.deadlines.*}: acknowledgement within {@code immediate} / {@code urgent} (durations)
     * or {@code routine-working-days}; written follow-up of a verbal share within
     * {@code written-follow-up-working-days}.
     */
    @ConfigurationProperties("backbone.referrals.deadlines")
    record DeadlineProperties(Duration immediate, Duration urgent, Integer routineWorkingDays,
                              Integer writtenFollowUpWorkingDays) {

        DeadlineProperties {
            immediate = immediate == null ? Duration.ofHours(1) : immediate;
            urgent = urgent == null ? Duration.ofHours(4) : urgent;
            routineWorkingDays = routineWorkingDays == null ? 1 : routineWorkingDays;
            writtenFollowUpWorkingDays = writtenFollowUpWorkingDays == null ? 1 : writtenFollowUpWorkingDays;
        }
    }

    @Bean
    ShareDeadlines shareDeadlines(WorkingDayCalendar calendar, SchoolCalendar schools, KnownAgencies agencies,
                                  DeadlineProperties properties) {
        return new ShareDeadlines(calendar, schools, agencies, properties.immediate(), properties.urgent(),
                properties.routineWorkingDays(), properties.writtenFollowUpWorkingDays());
    }
}
