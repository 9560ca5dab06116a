package org.safeguarding.backbone.referrals.request.api;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What agencies can ask of a request for information. */
public final class RequestCommands {

    private RequestCommands() {
    }

    /** R1: an agency asks another for information, saying why it is needed and the concern behind it. */
    public record RequestInformation(@TargetAggregateIdentifier String requestId, String childId,
                                     String requestingAgency, String requestedBy, String holderAgency,
                                     String whyNeeded, String concern, LocalDate respondBy, Instant occurredAt) {
    }

    /** R2: the holder decides not to share, with its reasons: recorded, and the requester is told. */
    public record DeclineRequest(@TargetAggregateIdentifier String requestId, String agency, String decidedBy,
                                 String reasons, Instant occurredAt) {
    }

    /** The holder answered the request with a share. */
    public record AnswerRequest(@TargetAggregateIdentifier String requestId, String agency, String shareId,
                                Instant occurredAt) {
    }
}
