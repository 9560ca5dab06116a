package org.safeguarding.backbone.chronology.retention.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.agency.AgencyKind;

/** R18: when a child's records are past their period, counted from each agency's last act, by its kind. */
class RetentionRuleTest {

    private static final Instant LAST = Instant.parse("2026-03-02T10:00:00Z");

    private static final Map<String, AgencyKind> KINDS = Map.of("school-a", AgencyKind.SCHOOL,
            "csc-a", AgencyKind.CHILDRENS_SOCIAL_CARE);

    private static RetentionRule rule(Map<AgencyKind, Period> byKind) {
        return new RetentionRule(new RetentionSettings(true, Period.ofYears(25), byKind, null, null),
                agency -> Optional.ofNullable(KINDS.get(agency)));
    }

    @Test
    void aChildsRecordsAreDue_theirPeriodAfterTheLastAct_notASecondBefore() {
        RetentionRule rule = rule(Map.of());
        Instant due = Instant.parse("2051-03-02T10:00:00Z");

        assertThat(rule.dueAt(Map.of("school-a", LAST))).isEqualTo(due);
        assertThat(rule.isDue(Map.of("school-a", LAST), due.minusSeconds(1))).isFalse();
        assertThat(rule.isDue(Map.of("school-a", LAST), due)).isTrue();
        assertThat(rule.isDue(Map.of(), due)).as("no acts, nothing to erase").isFalse();
    }

    @Test
    void eachAgencysRecordIsKeptForItsKindsPeriod_andTheChildGoesWhenTheLastIsDue() {
        RetentionRule rule = rule(Map.of(AgencyKind.CHILDRENS_SOCIAL_CARE, Period.ofYears(75)));
        Map<String, Instant> acts = Map.of("school-a", LAST.plus(Duration.ofDays(400)), "csc-a", LAST);

        assertThat(rule.dueAt(acts)).isEqualTo(Instant.parse("2101-03-02T10:00:00Z"));
        assertThat(rule.isDue(acts, Instant.parse("2060-01-01T00:00:00Z")))
                .as("the school's record is past its 25 years, children's social care's is not").isFalse();
        assertThat(rule.dueAt(Map.of("unknown-agency", LAST))).as("an agency of no known kind: the default")
                .isEqualTo(Instant.parse("2051-03-02T10:00:00Z"));
    }

    @Test
    void nothingRecordedAfterTheShortestPeriodBeforeNow_isDue() {
        Instant now = Instant.parse("2060-01-01T00:00:00Z");
        assertThat(rule(Map.of()).noneDueAfter(now)).isEqualTo(Instant.parse("2035-01-01T00:00:00Z"));
        assertThat(rule(Map.of(AgencyKind.SCHOOL, Period.ofYears(6))).noneDueAfter(now))
                .isEqualTo(Instant.parse("2054-01-01T00:00:00Z"));
    }

    @Test
    void aPeriodOfNothing_isRefusedAtStart() {
        assertThatThrownBy(() -> new RetentionSettings(true, Period.ZERO, null, null, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backbone.retention");
        assertThatThrownBy(() -> new RetentionSettings(true, null, Map.of(AgencyKind.POLICE, Period.ofYears(-1)),
                null, null)).isInstanceOf(IllegalArgumentException.class);
    }
}
