package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * An agency party to one act in a child's chronology: it reads that entry in full, and is involved with the child
 * since its first act. With the entry's child, type and time, so involvement is answered from this table alone.
 */
@Entity
@Table(name = "chronology_entry_party")
@IdClass(EntryParty.Key.class)
public class EntryParty {

    @Id
    private String eventId;
    @Id
    private String agency;
    private String childId;
    private String eventType;
    private Instant occurredAt;

    protected EntryParty() {
    }

    public EntryParty(String eventId, String agency, String childId, String eventType, Instant occurredAt) {
        this.eventId = eventId;
        this.agency = agency;
        this.childId = childId;
        this.eventType = eventType;
        this.occurredAt = occurredAt;
    }

    public String getEventId() {
        return eventId;
    }

    public String getAgency() {
        return agency;
    }

    public record Key(String eventId, String agency) implements Serializable {
    }
}
