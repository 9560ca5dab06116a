package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A read of a child's chronology, or a refused attempt: who, which child, when, and on what basis (party to the acts
 * it read, lead agency; null when refused).
 */
@Entity
@Table(name = "chronology_access")
public class ChronologyAccess {

    @Id
    private String id;
    private String childId;
    private String agency;
    private Instant accessedAt;
    private boolean granted;
    @Enumerated(EnumType.STRING)
    private ReadBasis basis;

    protected ChronologyAccess() {
    }

    ChronologyAccess(String childId, String agency, Instant accessedAt, ReadBasis basis) {
        this.id = UUID.randomUUID().toString();
        this.childId = childId;
        this.agency = agency;
        this.accessedAt = accessedAt;
        this.granted = basis != null;
        this.basis = basis;
    }
}
