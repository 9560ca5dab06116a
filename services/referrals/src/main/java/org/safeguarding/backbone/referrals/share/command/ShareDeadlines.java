package org.safeguarding.backbone.referrals.share.command;

import java.time.Duration;
import java.time.Instant;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;

/**
 * When recipients must acknowledge a share (R11, from its urgency) and when a verbal share's written follow-up is
 * due (R7). Immediate and urgent shares run on the clock; routine ones and follow-ups count working days.
 */
public class ShareDeadlines {

    private final WorkingDayCalendar calendar;
    private final Duration immediate;
    private final Duration urgent;
    private final int routineWorkingDays;
    private final int writtenFollowUpWorkingDays;

    public ShareDeadlines(WorkingDayCalendar calendar, Duration immediate, Duration urgent, int routineWorkingDays,
                          int writtenFollowUpWorkingDays) {
        this.calendar = calendar;
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

    /** Null for a written share: nothing to follow up. */
    public Instant writtenFollowUpBy(Channel channel, Instant sharedAt) {
        return channel.isVerbal() ? calendar.plusWorkingDays(sharedAt, writtenFollowUpWorkingDays) : null;
    }
}
