package org.safeguarding.backbone.kernel.agency;

/**
 * What kind of agency an agency is ({@code backbone.security.agencies.<id>.kind}): who leads for a child, and which
 * agency may open a review, follow from it.
 */
public enum AgencyKind {
    SCHOOL,
    EARLY_YEARS,
    HEALTH,
    GP,
    HEALTH_VISITING,
    POLICE,
    /** The local authority's children's social care: the lead agency for a child of its area it has worked with. */
    CHILDRENS_SOCIAL_CARE,
    EARLY_HELP,
    YOUTH_JUSTICE,
    HOUSING,
    PROBATION,
    /** The area's safeguarding partnership: opens reviews of a child's case. */
    SAFEGUARDING_PARTNERSHIP
}
