package org.safeguarding.backbone.feedback.config;

import java.util.List;
import org.safeguarding.backbone.feedback.owed.command.ChallengeLadder;
import org.safeguarding.backbone.feedback.owed.command.FeedbackChase;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * How late feedback is chased (R8): {@code backbone.feedback.escalation}, a ladder of steps; and how a challenge to
 * feedback climbs: {@code backbone.feedback.challenge}, the levels of the partnership's escalation policy.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({FeedbackLaddersConfiguration.Escalation.class, FeedbackLaddersConfiguration.Challenge.class})
class FeedbackLaddersConfiguration {

    /**
     * {@code backbone.feedback.escalation.steps[n].after-working-days} and {@code .to} ({@code DESIGNATED_LEAD},
     * {@code SAFEGUARDING_PARTNERSHIP}): each step so many working days after the feedback became overdue.
     */
    @ConfigurationProperties("backbone.feedback.escalation")
    record Escalation(List<FeedbackChase.Step> steps) {
        Escalation {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }
    }

    /**
     * {@code backbone.feedback.challenge.levels[n].answer-within-working-days} and {@code .to} ({@code PRACTITIONER},
     * {@code DESIGNATED_LEAD}, {@code SAFEGUARDING_PARTNERSHIP}).
     */
    @ConfigurationProperties("backbone.feedback.challenge")
    record Challenge(List<ChallengeLadder.Level> levels) {
        Challenge {
            levels = levels == null ? List.of() : List.copyOf(levels);
        }
    }

    @Bean
    ChallengeLadder challengeLadder(WorkingDayCalendar calendar, Challenge challenge, KnownAgencies agencies) {
        return new ChallengeLadder(calendar, challenge.levels(), agencies);
    }

    @Bean
    FeedbackChase feedbackChase(WorkingDayCalendar calendar, Escalation escalation, KnownAgencies agencies) {
        return new FeedbackChase(calendar, escalation.steps(), agencies);
    }
}
