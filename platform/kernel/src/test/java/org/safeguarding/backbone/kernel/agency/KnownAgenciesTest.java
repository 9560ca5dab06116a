package org.safeguarding.backbone.kernel.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class KnownAgenciesTest {

    @Test
    void anAgencyHasAKindAndAnArea() {
        KnownAgencies agencies = new KnownAgencies(Map.of("csc-a",
                new KnownAgencies.Agency("CSC", AgencyKind.CHILDRENS_SOCIAL_CARE, "area-a")), "agencies");

        assertThat(agencies.kindOf("csc-a")).contains(AgencyKind.CHILDRENS_SOCIAL_CARE);
        assertThat(agencies.areaOf("csc-a")).contains("area-a");
        assertThat(agencies.kindOf("nobody")).isEmpty();
        assertThat(agencies.isKnown(null)).isFalse();
    }

    @Test
    void theAgenciesOfOneKindInOneArea_byTheirIds() {
        KnownAgencies agencies = new KnownAgencies(Map.of(
                "csc-a", new KnownAgencies.Agency("CSC A", AgencyKind.CHILDRENS_SOCIAL_CARE, "area-a"),
                "csc-b", new KnownAgencies.Agency("CSC B", AgencyKind.CHILDRENS_SOCIAL_CARE, "area-b"),
                "school-a", new KnownAgencies.Agency("School A", AgencyKind.SCHOOL, "area-a")), "agencies");

        assertThat(agencies.ofKindIn(AgencyKind.CHILDRENS_SOCIAL_CARE, "area-a")).containsExactly("csc-a");
        assertThat(agencies.ofKindIn(AgencyKind.POLICE, "area-a")).isEmpty();
    }

    @Test
    void anAgencyWithoutAKindOrAnAreaStopsTheServiceFromStarting_namingTheSetting() {
        assertThatThrownBy(() -> new KnownAgencies(Map.of(
                "school-a", new KnownAgencies.Agency("School", null, " ")), "backbone.security.agencies"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backbone.security.agencies.school-a.kind")
                .hasMessageContaining("backbone.security.agencies.school-a.area");
    }

    @Test
    void anUnknownAgencyIsRefusedAsInvalid_namingTheField() {
        KnownAgencies agencies = new KnownAgencies(Map.of(), "agencies");

        assertThatThrownBy(() -> agencies.require("recipients[0].agency", "nowhere"))
                .isInstanceOf(KnownAgencies.UnknownAgency.class)
                .hasMessage("'nowhere' is not an agency known to the backbone.");
    }
}
