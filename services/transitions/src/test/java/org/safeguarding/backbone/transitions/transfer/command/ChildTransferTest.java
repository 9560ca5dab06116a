package org.safeguarding.backbone.transitions.transfer.command;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ConfirmTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.ProposeTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.TransferProposed;

class ChildTransferTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:15:00Z");
    private static final LocalDate MOVED_ON = LocalDate.parse("2026-11-23");
    private static final String CHILD = "9990000018";

    private AggregateTestFixture<ChildTransfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildTransfer.class);
        fixture.registerInjectableResource(PlainLanguageChecker.fromGlossary(ChildTransferTest.class
                .getResourceAsStream("/glossary/safeguarding-glossary.csv"), "shipped glossary", Set.of("NHS", "GP")));
    }

    private static TransferProposed proposed() {
        return new TransferProposed("t-1", CHILD, "school-a", "school-b", "Family moved house", MOVED_ON, "school-b",
                AT, List.of());
    }

    @Test
    void theAgencyTheChildLeavesRecordsTheMove() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", CHILD, "school-a", "school-b", "Family moved house", MOVED_ON,
                        "school-a", true, AT))
                .expectEvents(new ChildTransferred("t-1", CHILD, "school-a", "school-b", "Family moved house",
                        MOVED_ON, "school-a", AT, List.of()));
    }

    @Test
    void aReasonInShorthand_isRecordedAsWritten_withAWarning_whenProposedAndWhenConfirmed() {
        List<PlainLanguageWarning> warnings = List.of(new PlainLanguageWarning("reason", "LAC",
                "child looked after by the local authority"));
        TransferProposed shorthand = new TransferProposed("t-1", CHILD, "school-a", "school-b",
                "Now LAC: new placement", MOVED_ON, "school-b", AT, warnings);
        fixture.givenNoPriorActivity()
                .when(new ProposeTransfer("t-1", CHILD, "school-a", "school-b", "Now LAC: new placement", MOVED_ON,
                        "school-b", AT))
                .expectEvents(shorthand);
        fixture.given(shorthand)
                .when(new ConfirmTransfer("t-1", "school-a", true, AT))
                .expectEvents(new ChildTransferred("t-1", CHILD, "school-a", "school-b", "Now LAC: new placement",
                        MOVED_ON, "school-a", AT, warnings));
    }

    @Test
    void theAgencyTheChildJoinsCannotRecordIt_onlyProposeIt() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", CHILD, "school-a", "school-b", "reason", MOVED_ON, "school-b", true,
                        AT))
                .expectException(ChildTransfer.NotPartyToTransfer.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ProposeTransfer("t-1", CHILD, "school-a", "school-b", "Family moved house", MOVED_ON,
                        "school-b", AT))
                .expectEvents(proposed());
    }

    @Test
    void aProposalBecomesAMove_whenTheAgencyTheChildLeftConfirmsIt_once() {
        fixture.given(proposed())
                .when(new ConfirmTransfer("t-1", "school-a", true, AT.plusSeconds(3600)))
                .expectEvents(new ChildTransferred("t-1", CHILD, "school-a", "school-b", "Family moved house",
                        MOVED_ON, "school-a", AT.plusSeconds(3600), List.of()));
        fixture.given(proposed(), new ChildTransferred("t-1", CHILD, "school-a", "school-b", "Family moved house",
                        MOVED_ON, "school-a", AT.plusSeconds(3600), List.of()))
                .when(new ConfirmTransfer("t-1", "school-a", true, AT.plusSeconds(7200)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void nobodyButTheAgencyTheChildLeftConfirms() {
        fixture.given(proposed())
                .when(new ConfirmTransfer("t-1", "school-b", true, AT))
                .expectException(ChildTransfer.NotTheLeavingAgency.class)
                .expectNoEvents();
    }

    @Test
    void anUninvolvedAgencyCanNeitherRecordNorProposeIt() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", CHILD, "school-a", "school-b", "reason", MOVED_ON, "police-a", true,
                        AT))
                .expectException(ChildTransfer.NotPartyToTransfer.class)
                .expectNoEvents();
        fixture.givenNoPriorActivity()
                .when(new ProposeTransfer("t-1", CHILD, "school-a", "school-b", "reason", MOVED_ON, "police-a", AT))
                .expectException(ChildTransfer.NotPartyToTransfer.class)
                .expectNoEvents();
    }

    @Test
    void anAgencyThatHasNotWorkedWithTheChild_cannotRecordItMovingAway_norConfirmIt() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", CHILD, "school-a", "school-b", "reason", MOVED_ON, "school-a", false,
                        AT))
                .expectException(ChildTransfer.NotWorkedWithChild.class)
                .expectNoEvents();
        fixture.given(proposed())
                .when(new ConfirmTransfer("t-1", "school-a", false, AT))
                .expectException(ChildTransfer.NotWorkedWithChild.class)
                .expectNoEvents();
    }

    @Test
    void aChildCannotMoveToTheAgencyItIsLeaving() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", CHILD, "school-a", "school-a", "reason", MOVED_ON, "school-a", true,
                        AT))
                .expectException(ChildTransfer.SameAgency.class)
                .expectNoEvents();
    }
}
