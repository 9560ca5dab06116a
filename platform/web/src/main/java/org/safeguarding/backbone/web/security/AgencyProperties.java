package org.safeguarding.backbone.web.security;

import java.util.LinkedHashMap;
import java.util.Map;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code backbone.security.agencies.<agency-id>.*}: the agencies the backbone knows and allows to call it. The
 * agency id is what appears in events as sender, recipient or acting agency; each agency has a {@link AgencyKind}
 * and an area (the local authority area it serves, e.g. {@code area-a}), from which the lead agency for a child
 * follows.
 *
 * <p>A password is in Spring Security's encoded form: {@code {bcrypt}...} for real credentials (supplied from the
 * environment, never committed); {@code {noop}...} only for the clearly marked development credentials of the
 * {@code local} profile, and refused under any other profile.
 */
@ConfigurationProperties("backbone.security")
public record AgencyProperties(Map<String, Agency> agencies, Map<String, Operator> operators) {

    public AgencyProperties {
        agencies = agencies == null ? Map.of() : Map.copyOf(agencies);
        operators = operators == null ? Map.of() : Map.copyOf(operators);
    }

    static final String PREFIX = "backbone.security.agencies";

    public record Agency(String name, AgencyKind kind, String area, String password) {
    }

    /**
     * {@code backbone.security.operators.<id>.*}: someone who runs the backbone (rebuilds a projection, ...), not an
     * agency: an operator reads no child's data and calls only {@code /operator/**}; agencies never can.
     */
    public record Operator(String password) {
    }

    /** The agencies as the decision code knows them: kind and area, no credentials. */
    public KnownAgencies known() {
        Map<String, KnownAgencies.Agency> known = new LinkedHashMap<>();
        agencies.forEach((id, agency) -> known.put(id,
                new KnownAgencies.Agency(agency.name(), agency.kind(), agency.area())));
        return new KnownAgencies(known, PREFIX);
    }
}
