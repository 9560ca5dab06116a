package org.safeguarding.backbone.transitions.transfer.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.AcknowledgePackage;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ConfirmTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.TransferPackage;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.PackageItem;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageAcknowledged;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageOverdue;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferPackageSent;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferProposed;

/** R12: the package goes with the move, is acknowledged by the joining agency by its deadline, tracked until complete. */
class TransferPackageTest {

    private static final Instant AT = Instant.parse("2026-11-23T10:00:00Z");
    /** Five school days of open time from Monday 10:00: the next Monday, 10:00. */
    private static final Instant DUE = Instant.parse("2026-11-30T10:00:00Z");
    private static final String CHILD = "9990000018";
    private static final LocalDate MOVED_ON = LocalDate.parse("2026-11-23");
    private static final List<PackageItem> ITEMS = List.of(
            new PackageItem("share-1", "school-a", Instant.parse("2026-10-01T09:00:00Z"), "Unexplained absences",
                    "GIVEN", "Children Act 1989 s.17"),
            new PackageItem("share-2", "csc-a", Instant.parse("2026-10-05T09:00:00Z"), "Assessment outcome",
                    "NOT_SOUGHT", "Children Act 1989 s.47"));
    private static final ChildTransferred MOVED = new ChildTransferred("t-1", CHILD, "school-a", "school-b",
            "Family moved house", MOVED_ON, "school-a", AT, List.of());
    private static final TransferPackageSent SENT = new TransferPackageSent("t-1", CHILD, "school-a", "school-b",
            ITEMS, DUE, AT);

    private static AggregateTestFixture<ChildTransfer> fixture() {
        AggregateTestFixture<ChildTransfer> fixture = new AggregateTestFixture<>(ChildTransfer.class);
        fixture.registerInjectableResource(PlainLanguageChecker.fromGlossary(TransferPackageTest.class
                .getResourceAsStream("/glossary/safeguarding-glossary.csv"), "shipped glossary", Set.of("NHS", "GP")));
        return fixture;
    }

    private static RecordTransfer recorded() {
        return new RecordTransfer("t-1", CHILD, "school-a", "school-b", "Family moved house", MOVED_ON, "school-a",
                true, AT, new TransferPackage(ITEMS, DUE));
    }

    @Test
    void theMoveSendsThePackage_everyShareWithItsProvenance_dueByItsDeadline() {
        fixture().givenNoPriorActivity()
                .when(recorded())
                .expectEvents(MOVED, SENT)
                .expectScheduledDeadlineWithName(DUE, ChildTransfer.PACKAGE_DUE);
        // a proposal sends nothing; its confirmation does
        TransferProposed proposed = new TransferProposed("t-1", CHILD, "school-a", "school-b", "Family moved house",
                MOVED_ON, "school-b", AT, List.of());
        fixture().given(proposed)
                .when(new ConfirmTransfer("t-1", "school-a", true, AT, new TransferPackage(ITEMS, DUE)))
                .expectEvents(MOVED, SENT);
    }

    @Test
    void theJoiningAgencyAcknowledgesIt_complete_orSayingWhatIsMissing_untilItIsComplete() {
        TransferPackageAcknowledged incomplete = new TransferPackageAcknowledged("t-1", CHILD, "school-a",
                "school-b", false, "The child protection plan of October", AT.plusSeconds(3600), List.of());
        fixture().given(MOVED, SENT)
                .when(new AcknowledgePackage("t-1", "school-b", false, "The child protection plan of October",
                        AT.plusSeconds(3600)))
                .expectEvents(incomplete);
        fixture().given(MOVED, SENT, incomplete)
                .when(new AcknowledgePackage("t-1", "school-b", true, null, AT.plusSeconds(7200)))
                .expectEvents(new TransferPackageAcknowledged("t-1", CHILD, "school-a", "school-b", true, null,
                        AT.plusSeconds(7200), List.of()));
        fixture().given(MOVED, SENT)
                .when(new AcknowledgePackage("t-1", "school-b", false, "The CPP and the PEP", AT))
                .expectEvents(new TransferPackageAcknowledged("t-1", CHILD, "school-a", "school-b", false,
                        "The CPP and the PEP", AT, List.of(
                        new PlainLanguageWarning("missing", "CPP", "child protection plan"),
                        new PlainLanguageWarning("missing", "PEP", "personal education plan"))));
        fixture().given(MOVED, SENT)
                .when(new AcknowledgePackage("t-1", "school-b", false, " ", AT))
                .expectException(Invalid.class).expectNoEvents();
        fixture().given(MOVED, SENT)
                .when(new AcknowledgePackage("t-1", "school-a", true, null, AT))
                .expectException(ChildTransfer.NotTheJoiningAgency.class);
        fixture().given(MOVED)
                .when(new AcknowledgePackage("t-1", "school-b", true, null, AT))
                .expectException(ChildTransfer.NoPackage.class);
        fixture().given(MOVED, SENT, new TransferPackageAcknowledged("t-1", CHILD, "school-a", "school-b", true,
                        null, AT, List.of()))
                .when(new AcknowledgePackage("t-1", "school-b", true, null, AT))
                .expectException(ChildTransfer.PackageAlreadyComplete.class);
    }

    @Test
    void notAcknowledgedCompleteByItsDeadline_itIsOverdue_notAMomentBefore() {
        fixture().givenCurrentTime(AT).andGivenCommands(recorded())
                .whenTimeAdvancesTo(DUE.minusMillis(1))
                .expectNoEvents();
        fixture().givenCurrentTime(AT).andGivenCommands(recorded(),
                        new AcknowledgePackage("t-1", "school-b", false, "The plan", AT.plusSeconds(60)))
                .whenTimeAdvancesTo(DUE)
                .expectEvents(new TransferPackageOverdue("t-1", CHILD, "school-a", "school-b", DUE, true, DUE));
        fixture().givenCurrentTime(AT).andGivenCommands(recorded(),
                        new AcknowledgePackage("t-1", "school-b", true, null, AT.plusSeconds(60)))
                .whenTimeAdvancesTo(DUE.plusSeconds(86_400))
                .expectNoEvents();
    }
}
