package org.safeguarding.backbone.referrals.share.command;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.SchoolCalendar;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;

/**
 * When recipients must acknowledge a share (R11, from its urgency) and when a verbal share's written follow-up is
 * due (R7). Immediate and urgent shares run on the clock; routine ones and follow-ups count working days. A school
 * recipient's clock runs only while the school is open ({@link SchoolCalendar}): an immediate police notice sent on a
 * Sunday is due in the first hour of the next school day (Operation Encompass), a routine share within a school day
 * of open time.
 */
public class ShareDeadlines {

    private final WorkingDayCalendar calendar;
    private final SchoolCalendar schools;
    private final KnownAgencies agencies;
    private final Duration immediate;
    private final Duration urgent;
    private final int routineWorkingDays;
    private final int writtenFollowUpWorkingDays;

    public ShareDeadlines(WorkingDayCalendar calendar, SchoolCalendar schools, KnownAgencies agencies,
                          Duration immediate, Duration urgent, int routineWorkingDays, int writtenFollowUpWorkingDays) {
        this.calendar = calendar;
        this.schools = schools;
        this.agencies = agencies;
        this.immediate = immediate;
        this.urgent = urgent;
        this.routineWorkingDays = routineWorkingDays;
        this.writtenFollowUpWorkingDays = writtenFollowUpWorkingDays;
    }

    public Instant acknowledgeBy(Urgency urgency, Instant sharedAt) {
        return switch (urgency) {
            case IMMEDIATE -> sharedAt.plus(immediate);
            case URGENT -> sharedAt.plus(urgent);
            case ROUTINE -> calendar.plusWorkingDays(sharedAt, routineWorkingDays);
        };
    }

    /**
     * The recipients due at another time than {@link #acknowledgeBy}: each school, its clock running only while it is
     * open. Empty when no recipient is a school.
     */
    public Map<String, Instant> acknowledgeByRecipient(Urgency urgency, Instant sharedAt, List<String> recipients) {
        Map<String, Instant> due = new TreeMap<>();
        for (String recipient : recipients) {
            if (agencies.kindOf(recipient).filter(kind -> kind == AgencyKind.SCHOOL).isPresent()) {
                due.put(recipient, schools.plusOpenTime(sharedAt, switch (urgency) {
                    case IMMEDIATE -> immediate;
                    case URGENT -> urgent;
                    case ROUTINE -> schools.schoolDay().multipliedBy(routineWorkingDays);
                }));
            }
        }
        return due;
    }

    /** R3: the end of the day set to review telling the family; null when none was set. */
    public Instant reviewFamilyInformedAt(LocalDate reviewBy) {
        return reviewBy == null ? null : calendar.endOf(reviewBy);
    }

    /** Null for a written share: nothing to follow up. */
    public Instant writtenFollowUpBy(Channel channel, Instant sharedAt) {
        return channel.isVerbal() ? calendar.plusWorkingDays(sharedAt, writtenFollowUpWorkingDays) : null;
    }
}
