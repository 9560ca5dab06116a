package org.safeguarding.backbone.feedback.owed.command;

import java.util.List;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.escalation.EscalationLadder;

/**
 * How late feedback is chased (R8): overdue once its due day has ended, then up the ladder of
 * {@code backbone.feedback.escalation.steps}.
 */
public final class FeedbackChase extends EscalationLadder {

    public FeedbackChase(WorkingDayCalendar calendar, List<Step> steps, KnownAgencies agencies) {
        super(calendar, steps, agencies, "backbone.feedback.escalation");
    }
}
