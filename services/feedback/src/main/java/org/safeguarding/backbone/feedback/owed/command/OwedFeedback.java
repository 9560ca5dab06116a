package org.safeguarding.backbone.feedback.owed.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.safeguarding.backbone.messaging.ConversationDeadlines.inThisConversation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.AnswerChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.ChallengeFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.EscalateChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.GiveFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.RequestFeedback;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.ResolveChallenge;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeAnswered;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallengeResolved;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackChallenged;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackEscalated;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackGiven;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackOverdue;
import org.safeguarding.backbone.feedback.owed.api.FeedbackEvents.FeedbackRequested;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/**
 * Feedback one recipient of a share owes the agency that made it. The dialogue goes on: a recipient may give
 * feedback again as its action progresses; each time is a fact of its own.
 */
@Aggregate
public class OwedFeedback {

    /** The deadline that chases late feedback; its payload is the step, 0 for the due day's end. */
    static final String CHASE = "feedback-chase";
    /** The deadline to answer a challenge at its level; its payload is a {@link ChallengeStep}. */
    static final String CHALLENGE_ANSWER = "feedback-challenge-answer";
    static final String NOT_ANSWERED_IN_TIME = "NOT_ANSWERED_IN_TIME";
    static final String REFERRER_NOT_SATISFIED = "REFERRER_NOT_SATISFIED";

    @AggregateIdentifier
    private String feedbackId;
    private String shareId;
    private String childId;
    private String owedBy;
    private String owedTo;
    private LocalDate dueBy;
    private boolean given;
    /** The latest challenge (0: none yet), whether it is still open, its level and that level's state. */
    private int challenge;
    private boolean challengeOpen;
    private int challengeLevel;
    private String challengeAddressedTo;
    private LocalDate challengeAnswerDueBy;
    private boolean answeredAtLevel;

    protected OwedFeedback() {
    }

    /** Requested once per share and recipient: asking again (a redelivered share) records nothing new. */
    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(RequestFeedback command, DeadlineManager deadlines, FeedbackChase chase) {
        if (feedbackId != null) {
            return;
        }
        apply(new FeedbackRequested(command.feedbackId(), command.shareId(), command.childId(), command.owedBy(),
                command.owedTo(), command.dueBy(), command.occurredAt()));
        deadlines.schedule(chase.overdueAt(command.dueBy()), CHASE, inThisConversation(0));
    }

    /** Given with warnings for the jargon in it (R16): the referrer is another agency. */
    @CommandHandler
    public void handle(GiveFeedback command, PlainLanguageChecker plainLanguage) {
        if (!owedBy.equals(command.agency())) {
            throw new NotOwedBy(feedbackId, command.agency());
        }
        Map<String, String> written = new LinkedHashMap<>();
        written.put("actionTaken", command.actionTaken());
        written.put("outcome", command.outcome());
        apply(new FeedbackGiven(feedbackId, shareId, childId, owedBy, owedTo, command.actionTaken(),
                command.outcome(), command.occurredAt(), plainLanguage.check(written)));
    }

    /**
     * The chase (R8), unless the feedback has been given: step 0 when the due day has ended (overdue), then each step
     * of the ladder in turn, the next one set as each is taken.
     */
    @DeadlineHandler(deadlineName = CHASE)
    void chase(Integer step, DeadlineManager deadlines, FeedbackChase chase) {
        if (given || step > chase.steps()) {
            return;
        }
        Instant overdueAt = chase.overdueAt(dueBy);
        if (step == 0) {
            apply(new FeedbackOverdue(feedbackId, shareId, childId, owedBy, owedTo, dueBy, overdueAt));
        } else {
            apply(new FeedbackEscalated(feedbackId, shareId, childId, owedBy, owedTo, step,
                    chase.step(step).to().name(), chase.escalatedTo(step, owedBy), chase.escalationAt(overdueAt, step)));
        }
        if (step < chase.steps()) {
            deadlines.schedule(chase.escalationAt(overdueAt, step + 1), CHASE, inThisConversation(step + 1));
        }
    }

    /**
     * The referrer challenges feedback it finds inadequate (professional disagreement): addressed to the first level
     * of the ladder, to be answered by its deadline. One challenge is open at a time; after it is resolved, the
     * referrer may challenge again.
     */
    @CommandHandler
    public void handle(ChallengeFeedback command, DeadlineManager deadlines, ChallengeLadder ladder,
                       PlainLanguageChecker plainLanguage) {
        if (!owedTo.equals(command.agency())) {
            throw new NotTheReferrer(feedbackId, command.agency());
        }
        if (!given) {
            throw new NotGivenYet(feedbackId);
        }
        if (challengeOpen) {
            throw new ChallengeOpen(feedbackId, challenge);
        }
        int next = challenge + 1;
        LocalDate answerDueBy = ladder.answerDueBy(1, command.occurredAt());
        apply(new FeedbackChallenged(feedbackId, shareId, childId, next, owedTo, owedBy, command.reasons(), 1,
                ladder.level(1).to().name(), ladder.addressedTo(1, owedBy), answerDueBy, command.occurredAt(),
                plainLanguage.check("reasons", command.reasons())));
        deadlines.schedule(ladder.overdueAt(answerDueBy), CHALLENGE_ANSWER, inThisConversation(new ChallengeStep(next, 1)));
    }

    /** The agency the challenge is addressed to at its level answers; it may answer again as the work goes on. */
    @CommandHandler
    public void handle(AnswerChallenge command, PlainLanguageChecker plainLanguage) {
        requireOpen(command.challenge());
        if (!challengeAddressedTo.equals(command.agency())) {
            throw new NotAddressedTo(feedbackId, challenge, challengeLevel, command.agency());
        }
        apply(new FeedbackChallengeAnswered(feedbackId, shareId, childId, challenge, challengeLevel,
                command.agency(), owedTo, command.answer(), command.occurredAt(),
                plainLanguage.check("answer", command.answer())));
    }

    /** The referrer, not satisfied with the answer at this level, takes the challenge up to the next. */
    @CommandHandler
    public void handle(EscalateChallenge command, DeadlineManager deadlines, ChallengeLadder ladder,
                       PlainLanguageChecker plainLanguage) {
        requireOpen(command.challenge());
        if (!owedTo.equals(command.agency())) {
            throw new NotTheReferrer(feedbackId, command.agency());
        }
        if (challengeLevel == ladder.levels()) {
            throw new AtTheTopLevel(feedbackId, challenge, challengeLevel);
        }
        if (!answeredAtLevel) {
            throw new NotAnsweredYet(feedbackId, challenge, challengeLevel, challengeAnswerDueBy);
        }
        escalate(REFERRER_NOT_SATISFIED, command.reasons(), command.occurredAt(), deadlines, ladder,
                plainLanguage.check("reasons", command.reasons()));
    }

    /**
     * Resolved at the level reached: by the referrer, satisfied; or, at the top level, by the agency it is addressed
     * to when that is not the agency challenged (the partnership decides).
     */
    @CommandHandler
    public void handle(ResolveChallenge command, ChallengeLadder ladder, PlainLanguageChecker plainLanguage) {
        requireOpen(command.challenge());
        boolean decidesAtTheTop = challengeLevel == ladder.levels() && !challengeAddressedTo.equals(owedBy)
                && challengeAddressedTo.equals(command.agency());
        if (!owedTo.equals(command.agency()) && !decidesAtTheTop) {
            throw new MayNotResolve(feedbackId, challenge, command.agency());
        }
        apply(new FeedbackChallengeResolved(feedbackId, shareId, childId, challenge, challengeLevel,
                command.agency(), command.resolution(), command.occurredAt(),
                plainLanguage.check("resolution", command.resolution())));
    }

    /**
     * A level's deadline: unless the challenge was answered at that level, resolved, or has moved on, it is overdue at
     * the end of the due day, and climbs to the next level if there is one.
     */
    @DeadlineHandler(deadlineName = CHALLENGE_ANSWER)
    void challengeDeadline(ChallengeStep step, DeadlineManager deadlines, ChallengeLadder ladder) {
        if (!challengeOpen || step.challenge() != challenge || step.level() != challengeLevel || answeredAtLevel) {
            return;
        }
        Instant overdueAt = ladder.overdueAt(challengeAnswerDueBy);
        apply(new FeedbackChallengeOverdue(feedbackId, shareId, childId, challenge, challengeLevel,
                challengeAddressedTo, challengeAnswerDueBy, overdueAt));
        if (challengeLevel < ladder.levels()) {
            escalate(NOT_ANSWERED_IN_TIME, null, overdueAt, deadlines, ladder, List.of());
        }
    }

    private void escalate(String reason, String reasons, Instant at, DeadlineManager deadlines, ChallengeLadder ladder,
                          List<PlainLanguageWarning> warnings) {
        int level = challengeLevel + 1;
        LocalDate answerDueBy = ladder.answerDueBy(level, at);
        apply(new FeedbackChallengeEscalated(feedbackId, shareId, childId, challenge, level,
                ladder.level(level).to().name(), ladder.addressedTo(level, owedBy), reason, reasons, answerDueBy, at,
                warnings));
        deadlines.schedule(ladder.overdueAt(answerDueBy), CHALLENGE_ANSWER, inThisConversation(new ChallengeStep(challenge, level)));
    }

    private void requireOpen(int number) {
        if (!challengeOpen || number != challenge) {
            throw new NoSuchOpenChallenge(feedbackId, number);
        }
    }

    @EventSourcingHandler
    void on(FeedbackRequested event) {
        feedbackId = event.feedbackId();
        shareId = event.shareId();
        childId = event.childId();
        owedBy = event.owedBy();
        owedTo = event.owedTo();
        dueBy = event.dueBy();
    }

    @EventSourcingHandler
    void on(FeedbackGiven event) {
        given = true;
    }

    @EventSourcingHandler
    void on(FeedbackChallenged event) {
        challenge = event.challenge();
        challengeOpen = true;
        atLevel(event.level(), event.addressedTo(), event.answerDueBy());
    }

    @EventSourcingHandler
    void on(FeedbackChallengeAnswered event) {
        answeredAtLevel = true;
    }

    @EventSourcingHandler
    void on(FeedbackChallengeEscalated event) {
        atLevel(event.level(), event.addressedTo(), event.answerDueBy());
    }

    @EventSourcingHandler
    void on(FeedbackChallengeResolved event) {
        challengeOpen = false;
    }

    private void atLevel(int level, String addressedTo, LocalDate answerDueBy) {
        challengeLevel = level;
        challengeAddressedTo = addressedTo;
        challengeAnswerDueBy = answerDueBy;
        answeredAtLevel = false;
    }

    /** The referrer cannot give the feedback it is owed; only the recipient that owes it can. */
    public static final class NotOwedBy extends RuleViolation {
        NotOwedBy(String feedbackId, String agency) {
            super("feedback-not-owed-by-agency", "Feedback " + feedbackId + " is not owed by " + agency
                    + "; only the recipient that owes it can give it.");
        }
    }

    /** Only the referrer, owed the feedback, challenges it or takes a challenge up a level. */
    public static final class NotTheReferrer extends RuleViolation {
        NotTheReferrer(String feedbackId, String agency) {
            super("feedback-challenge-not-by-referrer", "Feedback " + feedbackId + " is not owed to " + agency
                    + "; only the referrer owed it can challenge it or escalate a challenge.");
        }
    }

    public static final class NotGivenYet extends RuleViolation {
        NotGivenYet(String feedbackId) {
            super("feedback-not-given-yet", "Feedback " + feedbackId + " has not been given yet, so there is nothing "
                    + "to challenge; feedback not given in time is chased and escalated by itself.");
        }
    }

    public static final class ChallengeOpen extends RuleViolation {
        ChallengeOpen(String feedbackId, int challenge) {
            super("feedback-challenge-open", "Challenge " + challenge + " to feedback " + feedbackId
                    + " is still open; add to it, escalate it or resolve it before challenging again.");
        }
    }

    public static final class NoSuchOpenChallenge extends RuleViolation {
        NoSuchOpenChallenge(String feedbackId, int challenge) {
            super("feedback-challenge-not-open", "Feedback " + feedbackId + " has no open challenge " + challenge
                    + "; it may have been resolved, or never made.");
        }
    }

    public static final class NotAddressedTo extends RuleViolation {
        NotAddressedTo(String feedbackId, int challenge, int level, String agency) {
            super("feedback-challenge-not-addressed-to-agency", "Challenge " + challenge + " to feedback "
                    + feedbackId + " is at level " + level + ", not addressed to " + agency
                    + "; only the agency it is addressed to at that level answers it.");
        }
    }

    public static final class AtTheTopLevel extends RuleViolation {
        AtTheTopLevel(String feedbackId, int challenge, int level) {
            super("feedback-challenge-at-top-level", "Challenge " + challenge + " to feedback " + feedbackId
                    + " is at level " + level + ", the top of the ladder: it is decided there, not escalated.");
        }
    }

    public static final class NotAnsweredYet extends RuleViolation {
        NotAnsweredYet(String feedbackId, int challenge, int level, LocalDate answerDueBy) {
            super("feedback-challenge-not-answered-yet", "Challenge " + challenge + " to feedback " + feedbackId
                    + " has not been answered at level " + level + "; it may be answered until the end of "
                    + answerDueBy + ", and climbs by itself if it is not.");
        }
    }

    public static final class MayNotResolve extends RuleViolation {
        MayNotResolve(String feedbackId, int challenge, String agency) {
            super("feedback-challenge-not-resolvable-by-agency", "Challenge " + challenge + " to feedback "
                    + feedbackId + " cannot be resolved by " + agency + "; the referrer resolves it when satisfied, "
                    + "or the partnership decides it at the top level.");
        }
    }
}
