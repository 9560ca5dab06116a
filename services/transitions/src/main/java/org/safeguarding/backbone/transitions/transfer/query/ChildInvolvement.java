package org.safeguarding.backbone.transitions.transfer.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * An agency has worked with a child: it was party to a share, a request, feedback or a confirmed move about the
 * child (from the other services' events). Only such an agency may record the child moving away from it.
 */
@Entity
@Table(name = "child_involvement")
@IdClass(ChildInvolvement.Key.class)
public class ChildInvolvement {

    @Id
    private String childId;
    @Id
    private String agency;
    private Instant since;
    /** The latest act about the child the agency was party to. */
    private Instant lastActAt;

    protected ChildInvolvement() {
    }

    public ChildInvolvement(String childId, String agency, Instant since) {
        this.childId = childId;
        this.agency = agency;
        this.since = since;
        this.lastActAt = since;
    }

    void actedAt(Instant at) {
        if (at.isBefore(since)) {
            since = at;
        }
        if (lastActAt == null || at.isAfter(lastActAt)) {
            lastActAt = at;
        }
    }

    public String getAgency() {
        return agency;
    }

    public Instant getLastActAt() {
        return lastActAt;
    }

    public record Key(String childId, String agency) implements Serializable {
    }
}
