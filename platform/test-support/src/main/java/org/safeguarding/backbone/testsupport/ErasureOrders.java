package org.safeguarding.backbone.testsupport;

import java.time.Instant;
import java.util.UUID;
import org.safeguarding.backbone.contracts.chronology.v1.ChildContentErased;
import org.safeguarding.backbone.contracts.common.v1.Envelope;

/** The chronology's order to erase a child's records, as it puts it on its topic (R18), for a service's tests. */
public final class ErasureOrders {

    private ErasureOrders() {
    }

    /** {@code childId}'s records erased at {@code erasedAt} (when the chronology recorded the order). */
    public static ChildContentErased erasure(String childId, Instant erasedAt, String reason) {
        return ChildContentErased.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(childId)
                        .setOccurredAt(erasedAt).setRecordedAt(erasedAt).setActingAgency("operator")
                        .setCorrelationId(UUID.randomUUID().toString()).build())
                .setErasureId(UUID.randomUUID().toString()).setReason(reason).build();
    }

    /** What a text reads as once erased at {@code erasedAt} for {@code reason}. */
    public static String erasedText(Instant erasedAt, String reason) {
        return "[erased on " + erasedAt.atOffset(java.time.ZoneOffset.UTC).toLocalDate() + ": " + reason + "]";
    }
}
