package org.safeguarding.backbone.kernel.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/**
 * The agencies the backbone knows, each with its kind and area: anything addressed to another would never be
 * delivered, and who leads for a child follows from kinds and areas. Built from configuration
 * ({@code backbone.security.agencies.*}, platform/web); every agency must have a kind and an area, or the service
 * does not start.
 */
public class KnownAgencies {

    /** What the backbone knows of an agency. */
    public record Agency(String name, AgencyKind kind, String area) {
    }

    private final Map<String, Agency> agencies;

    /**
     * @param agencies by agency id
     * @param settingPrefix where they are configured, to name a missing setting ({@code backbone.security.agencies})
     */
    public KnownAgencies(Map<String, Agency> agencies, String settingPrefix) {
        List<String> missing = new ArrayList<>();
        for (Map.Entry<String, Agency> agency : agencies.entrySet()) {
            if (agency.getValue().kind() == null) {
                missing.add(settingPrefix + "." + agency.getKey() + ".kind");
            }
            if (agency.getValue().area() == null || agency.getValue().area().isBlank()) {
                missing.add(settingPrefix + "." + agency.getKey() + ".area");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Every agency needs a kind (one of " + List.of(AgencyKind.values())
                    + ") and an area; not set: " + missing.stream().sorted().toList());
        }
        this.agencies = Map.copyOf(agencies);
    }

    public boolean isKnown(String agency) {
        return agency != null && agencies.containsKey(agency);
    }

    /** What kind of agency {@code agency} is, if the backbone knows it. */
    public Optional<AgencyKind> kindOf(String agency) {
        return Optional.ofNullable(agency).map(agencies::get).map(Agency::kind);
    }

    /** The area {@code agency} serves, if the backbone knows it. */
    public Optional<String> areaOf(String agency) {
        return Optional.ofNullable(agency).map(agencies::get).map(Agency::area);
    }

    /** Every agency of {@code kind} serving {@code area}, by id. */
    public SortedSet<String> ofKindIn(AgencyKind kind, String area) {
        return agencies.entrySet().stream()
                .filter(agency -> agency.getValue().kind() == kind && agency.getValue().area().equals(area))
                .map(Map.Entry::getKey).collect(Collectors.toCollection(TreeSet::new));
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
