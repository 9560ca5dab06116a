package org.safeguarding.backbone.transitions.storedevents;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.CaseClosed;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConcernAnswered;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConcernOverridden;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationAnswered;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationNoReply;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationOpened;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.PackageItem;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageAcknowledged;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageOverdue;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageSent;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferProposed;

/**
 * One stored event of every kind the transitions service records, with fixed values (synthetic).
 * {@code src/test/resources/stored-events/transitions-0.1.json} holds them as the event store of version 0.1 wrote
 * them.
 */
public final class StoredEventSamples {

    public static final String TRANSFER = "7a6b5c4d-3e2f-4a1b-9c8d-000000000001";
    public static final String PROPOSED_TRANSFER = "7a6b5c4d-3e2f-4a1b-9c8d-000000000002";
    static final String CHILD = "9990000018";
    static final Instant AT = Instant.parse("2026-11-20T09:15:00Z");

    private StoredEventSamples() {
    }

    public static List<Object> transfer() {
        return List.of(new ChildTransferred(TRANSFER, CHILD, "school-a", "school-b",
                "Family moved to another part of the area", LocalDate.of(2026, 11, 23), "school-a", AT, List.of()));
    }

    /** A move the joining agency proposed (from version 0.2), then the leaving agency confirmed. */
    public static List<Object> proposedTransfer() {
        return List.of(
                new TransferProposed(PROPOSED_TRANSFER, CHILD, "school-a", "school-c", "Family moved out of the area",
                        LocalDate.of(2026, 11, 30), "school-c", AT, List.of()),
                new ChildTransferred(PROPOSED_TRANSFER, CHILD, "school-a", "school-c", "Family moved out of the area",
                        LocalDate.of(2026, 11, 30), "school-a", AT.plusSeconds(3600), List.of()));
    }

    /** The package that went with a move (from version 0.2): acknowledged incomplete, overdue, then complete. */
    public static List<Object> transferPackage() {
        Instant due = Instant.parse("2026-11-27T09:15:00Z");
        return List.of(
                new TransferPackageSent(TRANSFER, CHILD, "school-a", "school-b", List.of(new PackageItem("share-1",
                        "school-a", AT, "Unexplained absences", "GIVEN", "Children Act 1989 s.17")), due, AT),
                new TransferPackageAcknowledged(TRANSFER, CHILD, "school-a", "school-b", false, "The plan",
                        AT.plusSeconds(3600), List.of()),
                new TransferPackageOverdue(TRANSFER, CHILD, "school-a", "school-b", due, true, due),
                new TransferPackageAcknowledged(TRANSFER, CHILD, "school-a", "school-b", true, null,
                        due.plusSeconds(3600), List.of()));
    }

    /** A consultation before closure (from version 0.2): a concern answered, silence, the case closed. */
    public static List<Object> consultation() {
        String id = "7a6b5c4d-3e2f-4a1b-9c8d-000000000003";
        return List.of(
                new ClosureConsultationOpened(id, CHILD, "csc-a", "Assessment complete",
                        List.of("school-a", "gp-a", "police-a"), LocalDate.of(2026, 11, 30), AT, List.of()),
                new ClosureConsultationAnswered(id, CHILD, "csc-a", "school-a", "AGREE", null, AT.plusSeconds(60),
                        List.of()),
                new ClosureConsultationAnswered(id, CHILD, "csc-a", "gp-a", "CONCERN", "Appointments missed",
                        AT.plusSeconds(120), List.of()),
                new ClosureConsultationNoReply(id, CHILD, "csc-a", List.of("police-a"), LocalDate.of(2026, 11, 30),
                        Instant.parse("2026-12-01T00:00:00Z")),
                new ClosureConcernAnswered(id, CHILD, "csc-a", "gp-a", "Early help will follow up",
                        Instant.parse("2026-12-01T09:00:00Z"), List.of()),
                new ClosureConcernOverridden(id, CHILD, "csc-a", "gp-a", "Health matter",
                        Instant.parse("2026-12-01T09:00:00Z"), List.of()),
                new CaseClosed(id, CHILD, "csc-a", List.of("school-a"), List.of("gp-a"), List.of(),
                        List.of("police-a"), Instant.parse("2026-12-01T10:00:00Z")));
    }
}
