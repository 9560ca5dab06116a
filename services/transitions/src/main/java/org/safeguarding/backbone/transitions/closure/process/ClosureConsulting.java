package org.safeguarding.backbone.transitions.closure.process;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.OpenConsultation;
import org.safeguarding.backbone.transitions.transfer.query.InvolvementProjection;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Opening a consultation before closure (R13): who to consult is every other agency that took part in an act about the
 * child within {@code backbone.transitions.consultation.involved-within}, as the other services' events tell this
 * one; they answer within {@code answer-within-working-days}.
 */
@Service
@EnableConfigurationProperties(ClosureConsulting.Settings.class)
public class ClosureConsulting {

    /** {@code backbone.transitions.consultation.*}. */
    @ConfigurationProperties("backbone.transitions.consultation")
    public record Settings(Duration involvedWithin, int answerWithinWorkingDays) {
        public Settings {
            if (involvedWithin == null || involvedWithin.isNegative() || answerWithinWorkingDays < 1) {
                throw new IllegalArgumentException("backbone.transitions.consultation needs involved-within (a "
                        + "period) and answer-within-working-days (1 or more)");
            }
        }
    }

    private final CommandGateway commands;
    private final InvolvementProjection involvement;
    private final WorkingDayCalendar calendar;
    private final Settings settings;

    ClosureConsulting(CommandGateway commands, InvolvementProjection involvement, WorkingDayCalendar calendar,
                      Settings settings) {
        this.commands = commands;
        this.involvement = involvement;
        this.calendar = calendar;
        this.settings = settings;
    }

    /** {@code closingAgency} proposes to close its work with the child: returns the consultation's id. */
    public String open(String childId, String closingAgency, String reason, Map<String, String> conversation) {
        Instant now = Instant.now();
        String consultationId = UUID.randomUUID().toString();
        LocalDate answerBy = calendar.dueDate(now, settings.answerWithinWorkingDays());
        CorrelatedCommands.sendAndWait(commands, new OpenConsultation(consultationId, childId, closingAgency, reason,
                involvement.involvedSince(childId, now.minus(settings.involvedWithin())), answerBy,
                involvement.hasWorkedWith(childId, closingAgency), now), conversation);
        return consultationId;
    }
}
