package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.safeguarding.backbone.kernel.agency.ActingPractitioner;

/**
 * A read of a child's data, or a refused attempt (R10): who (the agency, and the practitioner reading for it where its
 * identity provider named one), which child, what (the chronology, its access log), when, and on what basis (party to
 * the acts it read, lead agency, a review, named by its id; null when refused).
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
    private String reviewId;
    private String resource;
    private String practitioner;

    protected ChronologyAccess() {
    }

    /** A read on this request: by {@code agency}, and the practitioner acting for it, if its token named one. */
    ChronologyAccess(String childId, String agency, String resource, Instant accessedAt, ReadBasis basis,
                     String reviewId) {
        this(UUID.randomUUID().toString(), childId, agency, ActingPractitioner.current().orElse(null), resource,
                accessedAt, basis, reviewId);
    }

    ChronologyAccess(String id, String childId, String agency, String practitioner, String resource,
                     Instant accessedAt, ReadBasis basis, String reviewId) {
        this.id = id;
        this.practitioner = ChronologyEntry.kept(practitioner);
        this.childId = childId;
        this.agency = agency;
        this.resource = resource;
        this.accessedAt = accessedAt;
        this.granted = basis != null;
        this.basis = basis;
        this.reviewId = reviewId;
    }

    public String getAgency() { return agency; }
    public String getPractitioner() { return practitioner; }
    public String getResource() { return resource; }
    public Instant getAccessedAt() { return accessedAt; }
    public boolean isGranted() { return granted; }
    public ReadBasis getBasis() { return basis; }
    public String getReviewId() { return reviewId; }
}
