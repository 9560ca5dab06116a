package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A read of a child's chronology, or a refused attempt: who, which child, when. */
@Entity
@Table(name = "chronology_access")
public class ChronologyAccess {

    @Id
    private String id;
    private String childId;
    private String agency;
    private Instant accessedAt;
    private boolean granted;

    protected ChronologyAccess() {
    }

    ChronologyAccess(String childId, String agency, Instant accessedAt, boolean granted) {
        this.id = UUID.randomUUID().toString();
        this.childId = childId;
        this.agency = agency;
        this.accessedAt = accessedAt;
        this.granted = granted;
    }
}
