package org.safeguarding.backbone.web.security;

import org.safeguarding.backbone.kernel.rule.RuleViolation;

/** The agencies the backbone knows: anything addressed to another would never be delivered. */
public class KnownAgencies {

    private final AgencyProperties properties;

    public KnownAgencies(AgencyProperties properties) {
        this.properties = properties;
    }

    public boolean isKnown(String agency) {
        return properties.agencies().containsKey(agency);
    }

    /** Refuses {@code agency}, named in the request at {@code field}, unless the backbone knows it. */
    public void require(String field, String agency) {
        if (!isKnown(agency)) {
            throw new UnknownAgency(field, agency);
        }
    }

    public static final class UnknownAgency extends RuleViolation {
        UnknownAgency(String field, String agency) {
            super(Kind.INVALID, "unknown-agency", "'" + agency + "' is not an agency known to the backbone.", field);
        }
    }
}
