package org.safeguarding.backbone.transitions.transfer.command;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
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
    }

    private static TransferProposed proposed() {
        return new TransferProposed("t-1", CHILD, "school-a", "school-b", "Family moved house", MOVED_ON, "school-b",
                AT);
    }

    @Test
    void theAgencyTheChildLeavesRecordsTheMove() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", CHILD, "school-a", "school-b", "Family moved house", MOVED_ON,
                        "school-a", true, AT))
                .expectEvents(new ChildTransferred("t-1", CHILD, "school-a", "school-b", "Family moved house",
                        MOVED_ON, "school-a", AT));
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
                        MOVED_ON, "school-a", AT.plusSeconds(3600)));
        fixture.given(proposed(), new ChildTransferred("t-1", CHILD, "school-a", "school-b", "Family moved house",
                        MOVED_ON, "school-a", AT.plusSeconds(3600)))
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
