package org.safeguarding.backbone.transitions.closure.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** What agencies do in a consultation before a case is closed (R13). */
public final class ClosureCommands {

    private ClosureCommands() {
    }

    /**
     * An agency proposing to close its work with a child consults every agency involved with the child lately.
     *
     * @param closerWorkedWithChild whether the other services' events name the closing agency as involved
     */
    public record OpenConsultation(@TargetAggregateIdentifier String consultationId, String childId,
                                   String closingAgency, String reason, List<String> consultees, LocalDate answerBy,
                                   boolean closerWorkedWithChild, Instant occurredAt) {
    }

    /** A consulted agency agrees, or raises a concern with its reasons. */
    public record AnswerConsultation(@TargetAggregateIdentifier String consultationId, String agency, Answer answer,
                                     String reasons, Instant occurredAt) {
    }

    /** The closing agency answers a concern. */
    public record AnswerConcern(@TargetAggregateIdentifier String consultationId, String agency, String concernOf,
                                String response, Instant occurredAt) {
    }

    /** The closing agency goes ahead despite a concern, with its reason on the record. */
    public record OverrideConcern(@TargetAggregateIdentifier String consultationId, String agency, String concernOf,
                                  String reason, Instant occurredAt) {
    }

    public record RecordClosure(@TargetAggregateIdentifier String consultationId, String agency, Instant occurredAt) {
    }

    public enum Answer { AGREE, CONCERN }
}
