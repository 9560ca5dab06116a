package org.safeguarding.backbone.referrals.share.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;

/**
 * Properties of the deadlines a share sets (R7, R11; issue 12), for a share made at any moment of the school years
 * the example term dates cover: never before the share, the more urgent the sooner, a school never given less open
 * time than the clock would give, a written follow-up asked of every verbal share and of no written one.
 */
class ShareDeadlinesPropertiesTest {

    private static final ShareDeadlines DEADLINES = ShareFixtures.deadlines();
    private static final WorkingDayCalendar CALENDAR = ShareFixtures.calendar();
    private static final List<String> RECIPIENTS = List.of("school-a", "csc-a", "gp-a");

    @Provide
    Arbitrary<Instant> sharedAt() {
        return Arbitraries.longs().between(Instant.parse("2025-09-01T00:00:00Z").getEpochSecond(),
                Instant.parse("2027-07-01T00:00:00Z").getEpochSecond()).map(Instant::ofEpochSecond);
    }

    @Property(tries = 500)
    void theMoreUrgent_theSooner_andNeverBeforeTheShare(@ForAll("sharedAt") Instant sharedAt) {
        Instant immediate = DEADLINES.acknowledgeBy(Urgency.IMMEDIATE, sharedAt);
        Instant urgent = DEADLINES.acknowledgeBy(Urgency.URGENT, sharedAt);
        Instant routine = DEADLINES.acknowledgeBy(Urgency.ROUTINE, sharedAt);

        assertThat(immediate).isAfter(sharedAt).isBefore(urgent);
        assertThat(urgent).isBefore(routine);
        assertThat(CALENDAR.isWorkingDay(routine.atZone(CALENDAR.zone()).toLocalDate())).isTrue();
    }

    @Property(tries = 500)
    void aSchoolIsGivenItsTimeWhileOpen_neverLessThanTheClockGivesOthers(@ForAll("sharedAt") Instant sharedAt,
                                                                         @ForAll Urgency urgency) {
        Map<String, Instant> bySchool = DEADLINES.acknowledgeByRecipient(urgency, sharedAt, RECIPIENTS);

        assertThat(bySchool).as("only the schools have their own clock").containsOnlyKeys("school-a");
        Instant school = bySchool.get("school-a");
        if (urgency != Urgency.ROUTINE) {
            assertThat(school).isAfterOrEqualTo(DEADLINES.acknowledgeBy(urgency, sharedAt));
        }
        assertThat(school).isAfter(sharedAt);
        if (urgency != Urgency.IMMEDIATE) {
            Urgency moreUrgent = urgency == Urgency.ROUTINE ? Urgency.URGENT : Urgency.IMMEDIATE;
            assertThat(DEADLINES.acknowledgeByRecipient(moreUrgent, sharedAt, RECIPIENTS).get("school-a"))
                    .isBefore(school);
        }
    }

    @Property(tries = 300)
    void everyVerbalShareIsFollowedUpInWriting_onAWorkingDay_noWrittenOneIs(@ForAll("sharedAt") Instant sharedAt,
                                                                          @ForAll Channel channel) {
        Instant due = DEADLINES.writtenFollowUpBy(channel, sharedAt);

        if (channel.isVerbal()) {
            assertThat(due).isAfter(sharedAt);
            assertThat(CALENDAR.isWorkingDay(due.atZone(CALENDAR.zone()).toLocalDate())).isTrue();
        } else {
            assertThat(due).isNull();
        }
    }
}
