package org.safeguarding.backbone.kernel.escalation;

import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;

/**
 * Whom a step of an escalation ladder is addressed to, in the order safeguarding partnerships' escalation policies
 * climb: the practitioner, the agency's designated safeguarding lead, then the partnership of its area. The backbone
 * knows agencies, not people: the first two are the agency itself, told at the step's level.
 */
public enum Addressee {
    /** The practitioner at the agency that owes the answer (feedback, a reply to a request). */
    PRACTITIONER,
    /** That agency's own designated safeguarding lead. */
    DESIGNATED_LEAD,
    /** The safeguarding partnership of that agency's area. */
    SAFEGUARDING_PARTNERSHIP;

    /**
     * The agency told at this step about what {@code owedBy} owes: the agency itself, or its area's partnership (the
     * agency itself when its area has none, so that nothing goes unaddressed).
     */
    public String agency(String owedBy, KnownAgencies agencies) {
        if (this != SAFEGUARDING_PARTNERSHIP) {
            return owedBy;
        }
        return agencies.areaOf(owedBy)
                .flatMap(area -> agencies.ofKindIn(AgencyKind.SAFEGUARDING_PARTNERSHIP, area).stream().findFirst())
                .orElse(owedBy);
    }
}
