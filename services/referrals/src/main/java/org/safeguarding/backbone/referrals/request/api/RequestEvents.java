package org.safeguarding.backbone.referrals.request.api;

import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.kernel.childkeys.Personal;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import java.time.LocalDate;

/** The facts of a request for information, as the event store records them. */
public sealed interface RequestEvents {

    String requestId();

    String childId();

    /**
     * R1: a request, why the information is needed and the concern behind it.
     *
     * @param plainLanguageWarnings jargon in why it is needed and in the concern (R16); none in events stored before
     *                              they were checked
     */
    record InformationRequested(String requestId, String childId, String requestingAgency, String requestedBy,
                                String holderAgency, @Personal String whyNeeded, @Personal String concern,
                                LocalDate respondBy, Instant occurredAt,
                                List<PlainLanguageWarning> plainLanguageWarnings) implements RequestEvents {
        public InformationRequested {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    /** R2: a decision not to share, who made it, when and why. */
    record SharingDeclined(String requestId, String childId, String holderAgency, String requestingAgency,
                           String decidedBy, @Personal String reasons, Instant occurredAt,
                           List<PlainLanguageWarning> plainLanguageWarnings) implements RequestEvents {
        /** @param plainLanguageWarnings jargon in the reasons (R16); none in events stored before they were checked */
        public SharingDeclined {
            plainLanguageWarnings = plainLanguageWarnings == null ? List.of() : List.copyOf(plainLanguageWarnings);
        }
    }

    record InformationRequestAnswered(String requestId, String childId, String holderAgency, String requestingAgency,
                                      String shareId, Instant occurredAt) implements RequestEvents {
    }

    /** R11: the reply date passed with the request neither answered nor declined; escalation follows. */
    record InformationRequestOverdue(String requestId, String childId, String holderAgency, String requestingAgency,
                                     LocalDate respondBy, Instant occurredAt) implements RequestEvents {
    }

    /**
     * A request still not answered, escalated a step up the configured ladder, as late feedback is.
     *
     * @param level       the step, from 1
     * @param to          whom the step escalates to: DESIGNATED_LEAD (of the agency asked) or SAFEGUARDING_PARTNERSHIP
     * @param escalatedTo the agency told
     */
    record InformationRequestEscalated(String requestId, String childId, String holderAgency, String requestingAgency,
                                       int level, String to, String escalatedTo, Instant occurredAt)
            implements RequestEvents {
    }
}
