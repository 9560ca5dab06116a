package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * An agency party to a record (a share, a request, feedback, a transfer): party to every act on it, including those
 * whose event names only some of the parties (an acknowledgement names only the recipient).
 */
@Entity
@Table(name = "chronology_subject_party")
@IdClass(SubjectParty.Key.class)
public class SubjectParty {

    @Id
    private String subject;
    @Id
    private String agency;
    private String childId;

    protected SubjectParty() {
    }

    public SubjectParty(String subject, String agency, String childId) {
        this.subject = subject;
        this.agency = agency;
        this.childId = childId;
    }

    public String getAgency() {
        return agency;
    }

    public record Key(String subject, String agency) implements Serializable {
    }
}
