package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One act in a child's chronology. Its id is the integration event's id: one event, one entry, however delivered. */
@Entity
@Table(name = "chronology_entry")
public class ChronologyEntry {

    @Id
    private String eventId;
    private String childId;
    private Instant occurredAt;
    private Instant recordedAt;
    private String agency;
    private String eventType;
    private String summary;
    private String correlationId;
    private String sourceTopic;
    private int sourcePartition;
    private long sourceOffset;

    protected ChronologyEntry() {
    }

    public ChronologyEntry(String eventId, String childId, Instant occurredAt, Instant recordedAt, String agency,
                           String eventType, String summary, String correlationId, String sourceTopic,
                           int sourcePartition, long sourceOffset) {
        this.eventId = eventId;
        this.childId = childId;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.agency = agency;
        this.eventType = eventType;
        this.summary = summary.length() > 1000 ? summary.substring(0, 997) + "..." : summary;
        this.correlationId = correlationId;
        this.sourceTopic = sourceTopic;
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
    }

    public String getEventId() {
        return eventId;
    }

    public String getChildId() {
        return childId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getAgency() {
        return agency;
    }

    public String getEventType() {
        return eventType;
    }

    public String getSummary() {
        return summary;
    }

    public String getCorrelationId() {
        return correlationId;
    }
}
