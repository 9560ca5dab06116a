package org.safeguarding.backbone.transitions.closure.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.Personal;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;

/** The facts of a consultation before closure (R13), as the event store records them. */
public sealed interface ClosureEvents {

    String consultationId();

    String childId();

    /**
     * @param consultees the agencies involved with the child lately, asked; none when no other agency was
     * @param answerBy   the last working day to answer
     */
    record ClosureConsultationOpened(String consultationId, String childId, String closingAgency, @Personal String reason,
                                     List<String> consultees, LocalDate answerBy, Instant occurredAt,
                                     List<PlainLanguageWarning> plainLanguageWarnings) implements ClosureEvents {
        public ClosureConsultationOpened {
            consultees = List.copyOf(consultees);
            plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        }
    }

    /** @param answer {@code AGREE} or {@code CONCERN} (with its reasons) */
    record ClosureConsultationAnswered(String consultationId, String childId, String closingAgency, String agency,
                                       String answer, @Personal String reasons, Instant occurredAt,
                                       List<PlainLanguageWarning> plainLanguageWarnings) implements ClosureEvents {
        public ClosureConsultationAnswered {
            plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        }
    }

    /** The answer date ended with these agencies silent: their silence is on the record. */
    record ClosureConsultationNoReply(String consultationId, String childId, String closingAgency,
                                      List<String> agencies, LocalDate answerBy, Instant occurredAt)
            implements ClosureEvents {
        public ClosureConsultationNoReply {
            agencies = List.copyOf(agencies);
        }
    }

    record ClosureConcernAnswered(String consultationId, String childId, String closingAgency, String concernOf,
                                  @Personal String response, Instant occurredAt,
                                  List<PlainLanguageWarning> plainLanguageWarnings) implements ClosureEvents {
        public ClosureConcernAnswered {
            plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        }
    }

    record ClosureConcernOverridden(String consultationId, String childId, String closingAgency, String concernOf,
                                    @Personal String reason, Instant occurredAt,
                                    List<PlainLanguageWarning> plainLanguageWarnings) implements ClosureEvents {
        public ClosureConcernOverridden {
            plainLanguageWarnings = List.copyOf(plainLanguageWarnings);
        }
    }

    /** The closing agency closed its work with the child, the consultation settled: who agreed, who was silent. */
    record CaseClosed(String consultationId, String childId, String closingAgency, List<String> agreed,
                      List<String> concernsAnswered, List<String> concernsOverridden, List<String> noReply,
                      Instant occurredAt) implements ClosureEvents {
        public CaseClosed {
            agreed = List.copyOf(agreed);
            concernsAnswered = List.copyOf(concernsAnswered);
            concernsOverridden = List.copyOf(concernsOverridden);
            noReply = List.copyOf(noReply);
        }
    }
}
