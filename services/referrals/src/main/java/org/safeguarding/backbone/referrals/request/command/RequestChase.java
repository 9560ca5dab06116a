package org.safeguarding.backbone.referrals.request.command;

import java.util.List;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.escalation.EscalationLadder;

/**
 * How a request for information not answered by its reply date is chased (R11): overdue once that day has ended,
 * then up the ladder of {@code backbone.referrals.requests.escalation.steps}, as late feedback is.
 */
public final class RequestChase extends EscalationLadder {

    public RequestChase(WorkingDayCalendar calendar, List<Step> steps, KnownAgencies agencies) {
        super(calendar, steps, agencies, "backbone.referrals.requests.escalation");
    }
}
