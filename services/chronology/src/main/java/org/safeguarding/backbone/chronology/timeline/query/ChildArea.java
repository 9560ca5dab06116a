package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;

/**
 * The local authority area a child belongs to, as the backbone can tell it: the area of the agency the child most
 * recently moved to (a confirmed transfer), or else the area of the agency that first acted about the child. The
 * lead agency follows from it (ADR 0008). Whatever order the topics deliver in, the same events give the same area.
 */
@Entity
@Table(name = "child_area")
public class ChildArea {

    @Id
    private String childId;
    private String area;
    /** The agency whose area this is, and the act: "moved to school-c", "first act by school-a". */
    private String basis;
    private boolean byTransfer;
    private Instant since;
    /** The lead agencies last announced to the other services (comma-separated); null before the first. */
    private String announcedLeads;

    protected ChildArea() {
    }

    ChildArea(String childId, String area, String basis, boolean byTransfer, Instant since) {
        this.childId = childId;
        this.area = area;
        this.basis = basis;
        this.byTransfer = byTransfer;
        this.since = since;
    }

    /** A move decides the area, the latest move most; without one, the earliest act does. */
    boolean yieldsTo(boolean transfer, Instant at) {
        if (transfer) {
            return !byTransfer || at.isAfter(since);
        }
        return !byTransfer && at.isBefore(since);
    }

    void becomes(String area, String basis, boolean transfer, Instant at) {
        this.area = area;
        this.basis = basis;
        this.byTransfer = transfer;
        this.since = at;
    }

    Set<String> announcedLeads() {
        return announcedLeads == null || announcedLeads.isEmpty() ? Set.of()
                : new TreeSet<>(Arrays.asList(announcedLeads.split(",")));
    }

    void announced(Set<String> leads) {
        this.announcedLeads = String.join(",", new TreeSet<>(leads));
    }

    public String getChildId() {
        return childId;
    }

    public String getArea() {
        return area;
    }

    public String getBasis() {
        return basis;
    }

    public boolean isByTransfer() {
        return byTransfer;
    }

    public Instant getSince() {
        return since;
    }
}
