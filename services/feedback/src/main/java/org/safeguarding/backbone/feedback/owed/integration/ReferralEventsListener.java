package org.safeguarding.backbone.feedback.owed.integration;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.consume.ProcessedEvents;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * A share opens feedback owed by each of its recipients to its sender, due a number of working days after the share
 * ({@code backbone.feedback.due-working-days}, in the backbone's working-day calendar). Runs in one database
 * transaction with the commands it sends, so "acted on this event" and what it did are recorded together or not at
 * all.
 */
@Component
class ReferralEventsListener {

    static final String CONSUMER = "feedback";

    private final CommandGateway commands;
    private final ProcessedEvents processed;
    private final WorkingDayCalendar calendar;
    private final int dueWorkingDays;

    ReferralEventsListener(CommandGateway commands, ProcessedEvents processed, WorkingDayCalendar calendar,
                           @Value("${backbone.feedback.due-working-days:10}") int dueWorkingDays) {
        this.commands = commands;
        this.processed = processed;
        this.calendar = calendar;
        this.dueWorkingDays = dueWorkingDays;
    }

    @KafkaListener(topics = Topics.REFERRALS, groupId = CONSUMER)
    @Transactional
    public void on(SpecificRecord event) {
        if (event instanceof InformationShared shared && processed.firstDelivery(CONSUMER,
                shared.getEnvelope().getEventId())) {
            LocalDate dueBy = calendar.dueDate(shared.getEnvelope().getOccurredAt(), dueWorkingDays);
            for (String recipient : shared.getRecipientAgencies()) {
                CorrelatedCommands.sendAndWait(commands, new RequestFeedback(
                        feedbackId(shared.getShareId(), recipient), shared.getShareId(),
                        shared.getEnvelope().getChildId(), recipient, shared.getSenderAgency(), dueBy,
                        Clock.systemUTC().instant()),
                        Correlation.causedBy(shared.getEnvelope()));
            }
        }
    }

    /** One owed feedback per share and recipient, whatever redelivers the share. */
    static String feedbackId(String shareId, String recipient) {
        return UUID.nameUUIDFromBytes((shareId + "/" + recipient).getBytes(StandardCharsets.UTF_8)).toString();
    }
}
