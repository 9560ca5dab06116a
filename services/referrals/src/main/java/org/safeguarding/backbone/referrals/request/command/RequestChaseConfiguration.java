package org.safeguarding.backbone.referrals.request.command;

import java.util.List;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.escalation.EscalationLadder;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestChaseConfiguration.Escalation.class)
class RequestChaseConfiguration {

    /**
     * {@code backbone.referrals.requests.escalation.steps[n].after-working-days} and {@code .to}
     * ({@code DESIGNATED_LEAD}, {@code SAFEGUARDING_PARTNERSHIP}): each step so many working days after the request
     * became overdue.
     */
    @ConfigurationProperties("backbone.referrals.requests.escalation")
    record Escalation(List<EscalationLadder.Step> steps) {
        Escalation {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    @Bean
    RequestChase requestChase(WorkingDayCalendar calendar, Escalation escalation, KnownAgencies agencies) {
        return new RequestChase(calendar, escalation.steps(), agencies);
    }
}
