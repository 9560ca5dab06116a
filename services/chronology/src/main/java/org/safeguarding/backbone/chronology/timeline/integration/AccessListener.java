package org.safeguarding.backbone.chronology.timeline.integration;

import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.chronology.timeline.query.AccessProjection;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.access.v1.ChildDataRead;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Reads of a child's data on the other services ({@value Topics#ACCESS}), into the child's access log. */
@Component
class AccessListener {

    private final AccessProjection access;

    AccessListener(AccessProjection access) {
        this.access = access;
    }

    @KafkaListener(topics = Topics.ACCESS, groupId = "chronology-access")
    public void on(SpecificRecord record) {
        if (!(record instanceof ChildDataRead read)) {
            throw new UnprocessableRecord("not a ChildDataRead: "
                    + (record == null ? "null" : record.getSchema().getFullName()));
        }
        access.read(read.getEnvelope().getEventId(), read.getEnvelope().getChildId(),
                read.getEnvelope().getActingAgency(), read.getEnvelope().getActingPractitioner(),
                read.getService() + ":" + read.getResource(),
                read.getEnvelope().getOccurredAt(), read.getGranted(), read.getBasis());
    }
}
