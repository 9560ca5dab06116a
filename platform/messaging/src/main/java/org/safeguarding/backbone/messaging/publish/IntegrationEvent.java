package org.safeguarding.backbone.messaging.publish;

import java.util.Objects;
import org.apache.avro.specific.SpecificRecord;

/** An Avro integration event ready for Kafka: its topic, its key (the child's id) and the record. */
public record IntegrationEvent(String topic, String childId, SpecificRecord value) {

    public IntegrationEvent {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(childId, "childId");
        Objects.requireNonNull(value, "value");
    }
}
