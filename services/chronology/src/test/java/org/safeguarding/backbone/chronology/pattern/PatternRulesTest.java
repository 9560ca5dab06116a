package org.safeguarding.backbone.chronology.pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.chronology.pattern.process.PatternCatalogue;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings.Counted;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings.Toggle;
import org.safeguarding.backbone.chronology.pattern.rules.CountWithinPeriod;
import org.safeguarding.backbone.chronology.pattern.rules.Detection;
import org.safeguarding.backbone.chronology.pattern.rules.PatternRule;
import org.safeguarding.backbone.chronology.pattern.rules.StreamAct;

/**
 * The pattern rules on a child's stream of acts (R14): given these acts, as of this moment, then these patterns. Each
 * rule at the edges of its period or deadline, with the defaults of application.yml.
 */
class PatternRulesTest {

    private static final Instant T0 = Instant.parse("2026-09-01T09:00:00Z");
    private static final Duration DAY = Duration.ofDays(1);

    private static final PatternSettings DEFAULTS = new PatternSettings(new Counted(true, 3, Duration.ofDays(7)),
            new Counted(true, 2, Duration.ofDays(90)), new Toggle(true), new Counted(true, 2, Duration.ofDays(90)),
            new Toggle(true), new Counted(true, 3, Duration.ofDays(365)), Duration.ofMinutes(5));

    /** A stream of acts being set down, then the rule run on it. */
    private static final class Given {
        private final List<StreamAct> acts = new ArrayList<>();

        Given act(String type, String agency, Instant at, String subject) {
            return act(type, agency, at, subject, null);
        }

        Given act(String type, String agency, Instant at, String subject, Instant dueAt) {
            acts.add(new StreamAct("e" + (acts.size() + 1), type, agency, at, subject, dueAt));
            return this;
        }

        List<Detection> when(String rule, Instant now) {
            return when(rule, DEFAULTS, now);
        }

        List<Detection> when(String rule, PatternSettings settings, Instant now) {
            PatternRule found = PatternCatalogue.rules(settings).stream().filter(r -> r.name().equals(rule))
                    .findFirst().orElseThrow();
            List<Detection> inOrder = found.detect(acts, now);
            List<StreamAct> shuffled = new ArrayList<>(acts);
            Collections.reverse(shuffled);
            assertThat(found.detect(shuffled, now)).as("the same, whatever order the acts arrived in")
                    .isEqualTo(inOrder);
            return inOrder;
        }
    }

    private static Given given() {
        return new Given();
    }

    @Nested
    class ConcernsFromSeveralAgencies {

        private static final String RULE = PatternCatalogue.CONCERNS_FROM_SEVERAL_AGENCIES;

        @Test
        void threeAgenciesWithinSevenDays_toTheMillisecond_isAPattern() {
            List<Detection> found = given()
                    .act("InformationShared", "school-a", T0, "share:1")
                    .act("InformationRequested", "health-visiting-a", T0.plus(DAY), "request:2")
                    .act("InformationShared", "gp-a", T0.plus(Duration.ofDays(7)), "share:3")
                    .when(RULE, T0.plus(Duration.ofDays(8)));

            assertThat(found).hasSize(1);
            assertThat(found.get(0).contributing()).containsExactly("e1", "e2", "e3");
            assertThat(found.get(0).from()).isEqualTo(T0);
            assertThat(found.get(0).to()).isEqualTo(T0.plus(Duration.ofDays(7)));
            assertThat(found.get(0).description()).isEqualTo(
                    "3 agencies raised concerns about the child within 7 days.");
        }

        @Test
        void oneMillisecondOverSevenDays_isNot() {
            assertThat(given()
                    .act("InformationShared", "school-a", T0, "share:1")
                    .act("InformationShared", "health-visiting-a", T0.plus(DAY), "share:2")
                    .act("InformationShared", "gp-a", T0.plus(Duration.ofDays(7)).plusMillis(1), "share:3")
                    .when(RULE, T0.plus(Duration.ofDays(30)))).isEmpty();
        }

        @Test
        void oneAgencySharingThreeTimes_isOneAgency() {
            assertThat(given()
                    .act("InformationShared", "school-a", T0, "share:1")
                    .act("InformationShared", "school-a", T0.plus(DAY), "share:2")
                    .act("InformationShared", "gp-a", T0.plus(DAY), "share:3")
                    .when(RULE, T0.plus(DAY))).isEmpty();
        }

        @Test
        void otherKindsOfActAreNotConcerns() {
            assertThat(given()
                    .act("InformationShared", "school-a", T0, "share:1")
                    .act("ShareAcknowledged", "csc-a", T0, "share:1")
                    .act("FeedbackGiven", "police-a", T0, "feedback:1")
                    .when(RULE, T0)).isEmpty();
        }

        @Test
        void aRunInsideALongerOne_isNotFoundAgain_butTwoSeparateRunsAreTwo() {
            List<Detection> found = given()
                    .act("InformationShared", "school-a", T0, "share:1")
                    .act("InformationShared", "gp-a", T0.plus(DAY), "share:2")
                    .act("InformationShared", "police-a", T0.plus(DAY.multipliedBy(2)), "share:3")
                    .act("InformationShared", "school-a", T0.plus(DAY.multipliedBy(3)), "share:4")
                    // a month later, three others
                    .act("InformationShared", "school-a", T0.plus(Duration.ofDays(40)), "share:5")
                    .act("InformationShared", "gp-a", T0.plus(Duration.ofDays(41)), "share:6")
                    .act("InformationShared", "police-a", T0.plus(Duration.ofDays(42)), "share:7")
                    .when(RULE, T0.plus(Duration.ofDays(50)));

            assertThat(found).extracting(Detection::contributing).containsExactly(
                    List.of("e1", "e2", "e3", "e4"), List.of("e5", "e6", "e7"));
        }

        @Test
        void theThresholdAndPeriodAreConfigured() {
            PatternSettings two = new PatternSettings(new Counted(true, 2, DAY), DEFAULTS.acknowledgementsOverdue(),
                    DEFAULTS.verbalShareNotFollowedUp(), DEFAULTS.decisionsNotToShare(), DEFAULTS.feedbackOverdue(),
                    DEFAULTS.movingOften(), DEFAULTS.sweepEvery());
            Given acts = given()
                    .act("InformationShared", "school-a", T0, "share:1")
                    .act("InformationShared", "gp-a", T0.plus(DAY), "share:2");

            assertThat(acts.when(RULE, two, T0.plus(DAY))).hasSize(1).first()
                    .extracting(Detection::description).isEqualTo(
                            "2 agencies raised concerns about the child within 1 day.");
            assertThat(acts.when(RULE, T0.plus(DAY))).isEmpty();
        }

        @Test
        void aRuleNotEnabledIsNotRun() {
            PatternSettings off = new PatternSettings(new Counted(false, 3, DAY), DEFAULTS.acknowledgementsOverdue(),
                    DEFAULTS.verbalShareNotFollowedUp(), DEFAULTS.decisionsNotToShare(), DEFAULTS.feedbackOverdue(),
                    DEFAULTS.movingOften(), DEFAULTS.sweepEvery());
            assertThat(PatternCatalogue.rules(off)).extracting(PatternRule::name).doesNotContain(RULE).hasSize(5);
        }
    }

    @Nested
    class AcknowledgementsOverdue {

        private static final String RULE = PatternCatalogue.ACKNOWLEDGEMENTS_OVERDUE;

        @Test
        void twoSharesNotAcknowledgedInTimeWithinNinetyDays_isAPattern_oneIsNot() {
            Given one = given().act("AcknowledgementOverdue", "backbone", T0, "share:1");
            assertThat(one.when(RULE, T0)).isEmpty();

            one.act("AcknowledgementOverdue", "backbone", T0.plus(Duration.ofDays(90)), "share:2");
            assertThat(one.when(RULE, T0.plus(Duration.ofDays(90)))).extracting(Detection::contributing)
                    .containsExactly(List.of("e1", "e2"));
        }

        @Test
        void ninetyDaysAndAMillisecondApart_isNot() {
            assertThat(given()
                    .act("AcknowledgementOverdue", "backbone", T0, "share:1")
                    .act("AcknowledgementOverdue", "backbone", T0.plus(Duration.ofDays(90)).plusMillis(1), "share:2")
                    .when(RULE, T0.plus(Duration.ofDays(100)))).isEmpty();
        }

        @Test
        void oneShareWhoseRecipientsEachMissedTheirOwnDeadline_isOneShareNotAcknowledged_notAPattern() {
            // children's social care on the clock, the school a school day later (its clock runs while it is open)
            assertThat(given()
                    .act("AcknowledgementOverdue", "backbone", T0, "share:1")
                    .act("AcknowledgementOverdue", "backbone", T0.plus(Duration.ofHours(26)), "share:1")
                    .when(RULE, T0.plus(Duration.ofDays(2)))).isEmpty();
        }
    }

    @Nested
    class VerbalShareNotFollowedUp {

        @Test
        void eachVerbalShareNotFollowedUpInWriting_isAPattern_withTheShare() {
            List<Detection> found = given()
                    .act("InformationShared", "gp-a", T0, "share:1")
                    .act("ShareAcknowledged", "csc-a", T0.plus(Duration.ofHours(1)), "share:1")
                    .act("WrittenFollowUpOverdue", "gp-a", T0.plus(DAY), "share:1")
                    .act("InformationShared", "school-a", T0, "share:2")
                    .when(PatternCatalogue.VERBAL_SHARE_NOT_FOLLOWED_UP, T0.plus(DAY));

            assertThat(found).hasSize(1);
            assertThat(found.get(0).contributing()).containsExactly("e1", "e3");
            assertThat(found.get(0).from()).isEqualTo(T0);
            assertThat(found.get(0).description()).contains("share:1").contains("not followed up in writing");
        }

        @Test
        void aFollowedUpShare_isNot() {
            assertThat(given()
                    .act("InformationShared", "gp-a", T0, "share:1")
                    .act("WrittenFollowUpRecorded", "gp-a", T0.plus(DAY), "share:1")
                    .when(PatternCatalogue.VERBAL_SHARE_NOT_FOLLOWED_UP, T0.plus(Duration.ofDays(10)))).isEmpty();
        }
    }

    @Nested
    class DecisionsNotToShare {

        @Test
        void twoDecisionsNotToShareWithinNinetyDays_ofEitherKind_isAPattern() {
            assertThat(given()
                    .act("DecidedNotToShare", "gp-a", T0, "decision:1")
                    .act("SharingDeclined", "police-a", T0.plus(Duration.ofDays(90)), "request:2")
                    .when(PatternCatalogue.DECISIONS_NOT_TO_SHARE, T0.plus(Duration.ofDays(90))))
                    .extracting(Detection::contributing).containsExactly(List.of("e1", "e2"));
        }

        @Test
        void oneIsNot_andNinetyDaysAndAMillisecondApartIsNot() {
            assertThat(given()
                    .act("DecidedNotToShare", "gp-a", T0, "decision:1")
                    .act("DecidedNotToShare", "gp-a", T0.plus(Duration.ofDays(90)).plusMillis(1), "decision:2")
                    .when(PatternCatalogue.DECISIONS_NOT_TO_SHARE, T0.plus(Duration.ofDays(100)))).isEmpty();
        }
    }

    @Nested
    class FeedbackOverdue {

        private static final String RULE = PatternCatalogue.FEEDBACK_OVERDUE;
        private final Instant due = T0.plus(Duration.ofDays(14));

        @Test
        void feedbackNotGivenByItsDueTime_isAPattern_onlyOnceThatTimeHasPassed() {
            Given owed = given().act("FeedbackRequested", "school-a", T0, "feedback:1", due);

            assertThat(owed.when(RULE, due)).as("at the deadline itself, still in time").isEmpty();
            List<Detection> found = owed.when(RULE, due.plusMillis(1));
            assertThat(found).hasSize(1);
            assertThat(found.get(0).contributing()).containsExactly("e1");
            assertThat(found.get(0).to()).isEqualTo(due);
        }

        @Test
        void givenAtTheDeadline_isInTime_givenLateWasStillOverdue() {
            assertThat(given()
                    .act("FeedbackRequested", "school-a", T0, "feedback:1", due)
                    .act("FeedbackGiven", "csc-a", due, "feedback:1")
                    .when(RULE, due.plus(Duration.ofDays(30)))).isEmpty();
            assertThat(given()
                    .act("FeedbackRequested", "school-a", T0, "feedback:1", due)
                    .act("FeedbackGiven", "csc-a", due.plusMillis(1), "feedback:1")
                    .when(RULE, due.plus(Duration.ofDays(30)))).hasSize(1);
        }

        @Test
        void feedbackGivenOnAnotherShare_doesNotCount() {
            assertThat(given()
                    .act("FeedbackRequested", "school-a", T0, "feedback:1", due)
                    .act("FeedbackGiven", "csc-a", T0.plus(DAY), "feedback:2")
                    .when(RULE, due.plus(DAY))).hasSize(1);
        }
    }

    @Nested
    class MovingOften {

        private static final String RULE = PatternCatalogue.MOVING_OFTEN;

        @Test
        void threeMovesWithinAYear_isAPattern_twoAreNot() {
            Given moves = given()
                    .act("ChildTransferred", "school-a", T0, "transfer:1")
                    .act("ChildTransferred", "school-b", T0.plus(Duration.ofDays(100)), "transfer:2");
            assertThat(moves.when(RULE, T0.plus(Duration.ofDays(365)))).isEmpty();

            moves.act("ChildTransferred", "school-c", T0.plus(Duration.ofDays(365)), "transfer:3");
            assertThat(moves.when(RULE, T0.plus(Duration.ofDays(365)))).hasSize(1).first()
                    .extracting(Detection::description).isEqualTo("The child moved 3 times within 365 days.");
        }

        @Test
        void aYearAndAMillisecond_isNot_andAProposedMoveIsNotAMove() {
            assertThat(given()
                    .act("ChildTransferred", "school-a", T0, "transfer:1")
                    .act("ChildTransferred", "school-b", T0.plus(Duration.ofDays(100)), "transfer:2")
                    .act("TransferProposed", "school-d", T0.plus(Duration.ofDays(200)), "transfer:4")
                    .act("ChildTransferred", "school-c", T0.plus(Duration.ofDays(365)).plusMillis(1), "transfer:3")
                    .when(RULE, T0.plus(Duration.ofDays(400)))).isEmpty();
        }
    }

    @Test
    void aRuleCountingLessThanOne_isRefused() {
        assertThatThrownBy(() -> new CountWithinPeriod("r", java.util.Set.of("X"), 0, DAY,
                CountWithinPeriod.Counting.ACTS, n -> "")).hasMessageContaining("at least 1");
    }
}
