package org.safeguarding.backbone.chronology.timeline.integration;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.backbone.chronology.pattern.process.PatternDetector;
import org.safeguarding.backbone.chronology.pattern.rules.StreamAct;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyProjection;
import org.safeguarding.backbone.chronology.webhook.process.WebhookOutbox;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Builds every child's chronology from every topic (each record's personal fields opened first: {@link SealedRecords}),
 * passes each act to the feeds of the agencies party to it ({@link AgencyFeeds}) and to the webhooks those agencies
 * registered ({@link WebhookOutbox}), tells the other services when it changes who leads for the child
 * ({@link LeadAnnouncements}), and looks for patterns in the child's acts ({@link PatternDetector}). An event already
 * in the chronology (a redelivery, or the publisher sending it again) is recognised by its event id and changes
 * nothing; it is passed to the feeds again, in case it had not reached them.
 */
@Component
class ChronologyListener {

    private static final Logger LOG = LoggerFactory.getLogger(ChronologyListener.class);

    private final ChronologyProjection chronology;
    private final AgencyFeeds feeds;
    private final LeadAnnouncements leads;
    private final PatternDetector patterns;
    private final WebhookOutbox webhooks;
    private final SealedRecords sealed;
    private final OneChildAtATime oneChild = new OneChildAtATime(64);

    ChronologyListener(ChronologyProjection chronology, AgencyFeeds feeds, LeadAnnouncements leads,
                       PatternDetector patterns, WebhookOutbox webhooks, SealedRecords sealed) {
        this.chronology = chronology;
        this.feeds = feeds;
        this.leads = leads;
        this.patterns = patterns;
        this.webhooks = webhooks;
        this.sealed = sealed;
    }

    /** The listener's id, by which the rebuild pauses it to take its place ({@link ChronologyRebuild}). */
    static final String ID = "chronology-timeline";

    /**
     * Several consumers ({@code backbone.chronology.consumers}, 3: the partitions of each topic on the embedded
     * default), each given the same partitions of every topic (range assignment), so that a child's acts, keyed by
     * the child, come to one of them; acts about different children are recorded at once (issue 11: one consumer,
     * acting on one act at a time, was what carried shares through to the feeds at a third of the rate they were
     * accepted).
     */
    @KafkaListener(id = ID, topics = {Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS, Topics.REVIEWS,
        Topics.PATTERNS}, groupId = "chronology", concurrency = "${backbone.chronology.consumers:3}",
        properties = "partition.assignment.strategy=org.apache.kafka.clients.consumer.RangeAssignor")
    public void on(ConsumerRecord<String, SpecificRecord> record) throws Exception {
        // a record that is not about a child (no key) is refused by what reads it, as before
        oneChild.acting(record.key(), () -> {
            act(record);
            return null;
        });
    }

    private void act(ConsumerRecord<String, SpecificRecord> record) throws Exception {
        // opened first: the summary, the feeds and the webhooks carry the text (or that it was erased), the topic
        // only its sealed form
        sealed.open(record.value());
        ChronologyEvent event = ChronologyEvent.of(record.value());
        ChronologyProjection.Act act = actOf(record, event);
        ChronologyProjection.Recorded recorded = chronology.record(act);
        if (!recorded.isNew()) {
            LOG.debug("event {} is already in the chronology", event.envelope().getEventId());
        }
        // the feeds' copies and a change of lead go out while the rest is done, and are waited for last (issue 11:
        // one wait an act, not one a record sent): the record is done with (its offset committed) only once the
        // broker has them all, and a change of lead is noted as announced only then
        CompletableFuture<Void> fed = feeds.send(event.envelope().getChildId(), record.value(), recorded.parties());
        webhooks.enqueue(record.topic(), event.envelope(), event.type(), record.value(), recorded.parties());
        LeadAnnouncements.Announcing announcing = leads.afterAct(event.envelope());
        // looked at again when redelivered too: the patterns it completes may not have been announced before a crash
        patterns.lookAfter(act.childId(), new StreamAct(act.eventId(), act.eventType(), act.actingAgency(),
                act.occurredAt(), act.subject(), act.dueAt()));
        fed.get(2, TimeUnit.MINUTES);
        leads.made(announcing);
    }

    /** The act a record on the topics is, as the chronology keeps it: the same live and when rebuilt. */
    static ChronologyProjection.Act actOf(ConsumerRecord<String, SpecificRecord> record, ChronologyEvent event) {
        Envelope envelope = event.envelope();
        return new ChronologyProjection.Act(envelope.getEventId(), envelope.getChildId(), envelope.getOccurredAt(),
                envelope.getRecordedAt(), envelope.getActingAgency(), envelope.getActingPractitioner(), event.type(),
                event.summary(), envelope.getCorrelationId(), event.subject(), event.parties(),
                record.value() instanceof ChildTransferred moved ? moved.getToAgency() : null,
                record.value() instanceof FeedbackRequested owed ? endOf(owed.getDueBy()) : null,
                Instant.ofEpochMilli(record.timestamp()), record.topic(), record.partition(), record.offset());
    }

    /** Feedback due by a date is due by the end of that day (UTC). */
    private static Instant endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
