package org.safeguarding.backbone.transitions.transfer.command;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents.ChildTransferred;

class ChildTransferTest {

    private static final Instant AT = Instant.parse("2026-11-20T09:15:00Z");
    private static final LocalDate MOVED_ON = LocalDate.parse("2026-11-23");

    private AggregateTestFixture<ChildTransfer> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ChildTransfer.class);
    }

    @Test
    void theAgencyTheChildLeavesRecordsTheMove() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", "9990000018", "school-a", "school-b", "Family moved house", MOVED_ON,
                        "school-a", AT))
                .expectEvents(new ChildTransferred("t-1", "9990000018", "school-a", "school-b", "Family moved house",
                        MOVED_ON, "school-a", AT));
    }

    @Test
    void theAgencyTheChildJoinsMayRecordItToo() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", "9990000018", "school-a", "school-b", "reason", MOVED_ON, "school-b", AT))
                .expectSuccessfulHandlerExecution();
    }

    @Test
    void anUninvolvedAgencyCannotRecordIt() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", "9990000018", "school-a", "school-b", "reason", MOVED_ON, "police-a", AT))
                .expectException(ChildTransfer.NotPartyToTransfer.class)
                .expectNoEvents();
    }

    @Test
    void aChildCannotMoveToTheAgencyItIsLeaving() {
        fixture.givenNoPriorActivity()
                .when(new RecordTransfer("t-1", "9990000018", "school-a", "school-a", "reason", MOVED_ON, "school-a", AT))
                .expectException(ChildTransfer.SameAgency.class)
                .expectNoEvents();
    }
}
