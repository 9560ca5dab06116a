package org.safeguarding.backbone.chronology.timeline.integration;

import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.backbone.chronology.timeline.query.ChildInvolvement;
import org.safeguarding.backbone.chronology.timeline.query.ChildInvolvementRepository;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyEntry;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyEntryRepository;
import org.safeguarding.backbone.contracts.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds every child's chronology from every topic. An event already in the chronology (a redelivery, or the
 * publisher sending it again) is recognised by its event id and changes nothing.
 */
@Component
class ChronologyListener {

    private static final Logger LOG = LoggerFactory.getLogger(ChronologyListener.class);

    private final ChronologyEntryRepository entries;
    private final ChildInvolvementRepository involvement;

    ChronologyListener(ChronologyEntryRepository entries, ChildInvolvementRepository involvement) {
        this.entries = entries;
        this.involvement = involvement;
    }

    @KafkaListener(topics = {Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS}, groupId = "chronology")
    @Transactional
    public void on(ConsumerRecord<String, SpecificRecord> record) {
        ChronologyEvent event = ChronologyEvent.of(record.value());
        String eventId = event.envelope().getEventId();
        if (entries.existsById(eventId)) {
            LOG.debug("event {} is already in the chronology: skipped", eventId);
            return;
        }
        String childId = event.envelope().getChildId();
        entries.save(new ChronologyEntry(eventId, childId, event.envelope().getOccurredAt(),
                event.envelope().getRecordedAt(), event.envelope().getActingAgency(), event.type(), event.summary(),
                event.envelope().getCorrelationId(), record.topic(), record.partition(), record.offset()));
        for (String agency : event.involvedAgencies()) {
            if (!involvement.existsById(new ChildInvolvement.Key(childId, agency))) {
                involvement.save(new ChildInvolvement(childId, agency, Clock.systemUTC().instant()));
            }
        }
    }
}
