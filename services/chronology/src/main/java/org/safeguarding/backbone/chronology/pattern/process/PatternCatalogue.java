package org.safeguarding.backbone.chronology.pattern.process;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.safeguarding.backbone.chronology.pattern.process.PatternSettings.Counted;
import org.safeguarding.backbone.chronology.pattern.rules.CountWithinPeriod;
import org.safeguarding.backbone.chronology.pattern.rules.CountWithinPeriod.Counting;
import org.safeguarding.backbone.chronology.pattern.rules.DeadlineMissed;
import org.safeguarding.backbone.chronology.pattern.rules.EachAct;
import org.safeguarding.backbone.chronology.pattern.rules.PatternRule;

/** The rules the chronology looks for in each child's acts (R14), as configured; a rule not enabled is left out. */
public final class PatternCatalogue {

    public static final String CONCERNS_FROM_SEVERAL_AGENCIES = "concerns-from-several-agencies";
    public static final String ACKNOWLEDGEMENTS_OVERDUE = "acknowledgements-overdue";
    public static final String VERBAL_SHARE_NOT_FOLLOWED_UP = "verbal-share-not-followed-up";
    public static final String DECISIONS_NOT_TO_SHARE = "decisions-not-to-share";
    public static final String FEEDBACK_OVERDUE = "feedback-overdue";
    public static final String MOVING_OFTEN = "moving-often";

    private PatternCatalogue() {
    }

    public static List<PatternRule> rules(PatternSettings settings) {
        List<PatternRule> rules = new ArrayList<>();
        Counted concerns = settings.concernsFromSeveralAgencies();
        if (concerns.enabled()) {
            // an agency raises a concern by sharing information about the child, or by asking for it
            rules.add(new CountWithinPeriod(CONCERNS_FROM_SEVERAL_AGENCIES,
                    Set.of("InformationShared", "InformationRequested"), concerns.threshold(), concerns.within(),
                    Counting.AGENCIES, n -> n + " agencies raised concerns about the child within "
                    + human(concerns.within()) + "."));
        }
        Counted unacknowledged = settings.acknowledgementsOverdue();
        if (unacknowledged.enabled()) {
            rules.add(new CountWithinPeriod(ACKNOWLEDGEMENTS_OVERDUE, Set.of("AcknowledgementOverdue"),
                    unacknowledged.threshold(), unacknowledged.within(), Counting.RECORDS,
                    n -> n + " times within " + human(unacknowledged.within())
                            + ", a share about the child was not acknowledged by its deadline."));
        }
        if (settings.verbalShareNotFollowedUp().enabled()) {
            rules.add(new EachAct(VERBAL_SHARE_NOT_FOLLOWED_UP, "WrittenFollowUpOverdue",
                    act -> "Information shared verbally about the child (" + act.subject()
                            + ") was not followed up in writing by its deadline."));
        }
        Counted declined = settings.decisionsNotToShare();
        if (declined.enabled()) {
            rules.add(new CountWithinPeriod(DECISIONS_NOT_TO_SHARE, Set.of("DecidedNotToShare", "SharingDeclined"),
                    declined.threshold(), declined.within(), Counting.ACTS,
                    n -> n + " decisions not to share information about the child within "
                            + human(declined.within()) + "."));
        }
        if (settings.feedbackOverdue().enabled()) {
            rules.add(new DeadlineMissed(FEEDBACK_OVERDUE, "FeedbackRequested", "FeedbackGiven",
                    act -> "Feedback owed on " + act.subject() + " was not given by " + act.dueAt() + "."));
        }
        Counted moves = settings.movingOften();
        if (moves.enabled()) {
            rules.add(new CountWithinPeriod(MOVING_OFTEN, Set.of("ChildTransferred"), moves.threshold(),
                    moves.within(), Counting.ACTS,
                    n -> "The child moved " + n + " times within " + human(moves.within()) + "."));
        }
        return rules;
    }

    /** A period as a reader says it: "7 days", or the ISO form when not whole days. */
    static String human(Duration period) {
        if (!period.isZero() && period.toSeconds() % 86_400 == 0) {
            long days = period.toDays();
            return days + (days == 1 ? " day" : " days");
        }
        return period.toString();
    }
}
