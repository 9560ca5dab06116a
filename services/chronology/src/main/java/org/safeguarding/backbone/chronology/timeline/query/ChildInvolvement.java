package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/** An agency has been involved with a child, and so may read the child's chronology. */
@Entity
@Table(name = "child_involvement")
public class ChildInvolvement {

    @EmbeddedId
    private Key key;
    private Instant since;

    protected ChildInvolvement() {
    }

    public ChildInvolvement(String childId, String agency, Instant since) {
        this.key = new Key(childId, agency);
        this.since = since;
    }

    @Embeddable
    public static class Key implements Serializable {
        private String childId;
        private String agency;

        protected Key() {
        }

        public Key(String childId, String agency) {
            this.childId = childId;
            this.agency = agency;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.childId.equals(childId) && key.agency.equals(agency);
        }

        @Override
        public int hashCode() {
            return Objects.hash(childId, agency);
        }
    }
}
