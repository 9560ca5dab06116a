package org.safeguarding.backbone.transitions.closure.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;
import static org.safeguarding.backbone.messaging.ConversationDeadlines.inThisConversation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.annotation.DeadlineHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.kernel.calendar.WorkingDayCalendar;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.Answer;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.AnswerConcern;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.AnswerConsultation;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.OpenConsultation;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.OverrideConcern;
import org.safeguarding.backbone.transitions.closure.api.ClosureCommands.RecordClosure;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.CaseClosed;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConcernAnswered;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConcernOverridden;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationAnswered;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationNoReply;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents.ClosureConsultationOpened;

/**
 * Consultation before a case is closed (R13): the agency proposing to close its work with a child asks every agency
 * involved with the child lately; each agrees or raises a concern, by the answer date; silence is recorded as no
 * reply. The closure is recorded only when every agency has answered or the date has passed, and every concern has
 * been answered or overridden with a reason.
 */
@Aggregate
public class ClosureConsultation {

    /** The answer date's end: the silent are recorded as not replying. */
    static final String ANSWERS_DUE = "closure-answers-due";

    @AggregateIdentifier
    private String consultationId;
    private String childId;
    private String closingAgency;
    private LocalDate answerBy;
    private final Set<String> consultees = new LinkedHashSet<>();
    private final Map<String, String> answers = new LinkedHashMap<>();
    private final Set<String> noReply = new LinkedHashSet<>();
    private final Set<String> concernsAnswered = new LinkedHashSet<>();
    private final Set<String> concernsOverridden = new LinkedHashSet<>();
    private boolean answerDatePassed;
    private boolean closed;

    protected ClosureConsultation() {
    }

    @CommandHandler
    public ClosureConsultation(OpenConsultation command, DeadlineManager deadlines, WorkingDayCalendar calendar,
                               PlainLanguageChecker plainLanguage) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new Invalid("no-reason-for-closure", "Say why the work with the child is to close.", "reason");
        }
        if (!command.closerWorkedWithChild()) {
            throw new NotWorkedWithChild(command.childId(), command.closingAgency());
        }
        List<String> consulted = command.consultees().stream()
                .filter(agency -> !agency.equals(command.closingAgency())).distinct().toList();
        apply(new ClosureConsultationOpened(command.consultationId(), command.childId(), command.closingAgency(),
                command.reason(), consulted, command.answerBy(), command.occurredAt(),
                plainLanguage.check("reason", command.reason())));
        Instant due = calendar.endOf(command.answerBy());
        deadlines.schedule(due, ANSWERS_DUE, inThisConversation(due.toEpochMilli()));
    }

    /** Each consulted agency answers once; after the date too, until the case is closed. */
    @CommandHandler
    public void handle(AnswerConsultation command, PlainLanguageChecker plainLanguage) {
        requireOpen();
        if (!consultees.contains(command.agency())) {
            throw new NotConsulted(consultationId, command.agency());
        }
        if (answers.containsKey(command.agency())) {
            throw new AlreadyAnswered(consultationId, command.agency());
        }
        if (command.answer() == Answer.CONCERN && (command.reasons() == null || command.reasons().isBlank())) {
            throw new Invalid("concern-without-reasons", "A concern must give its reasons.", "reasons");
        }
        apply(new ClosureConsultationAnswered(consultationId, childId, closingAgency, command.agency(),
                command.answer().name(), command.reasons(), command.occurredAt(),
                command.reasons() == null ? List.of() : plainLanguage.check("reasons", command.reasons())));
    }

    @CommandHandler
    public void handle(AnswerConcern command, PlainLanguageChecker plainLanguage) {
        requireUnsettledConcern(command.agency(), command.concernOf());
        apply(new ClosureConcernAnswered(consultationId, childId, closingAgency, command.concernOf(),
                command.response(), command.occurredAt(), plainLanguage.check("response", command.response())));
    }

    @CommandHandler
    public void handle(OverrideConcern command, PlainLanguageChecker plainLanguage) {
        requireUnsettledConcern(command.agency(), command.concernOf());
        apply(new ClosureConcernOverridden(consultationId, childId, closingAgency, command.concernOf(),
                command.reason(), command.occurredAt(), plainLanguage.check("reason", command.reason())));
    }

    @CommandHandler
    public void handle(RecordClosure command) {
        requireClosingAgency(command.agency());
        requireOpen();
        List<String> waitingFor = consultees.stream().filter(agency -> !answers.containsKey(agency)).toList();
        if (!answerDatePassed && !waitingFor.isEmpty()) {
            throw new StillAwaitingAnswers(consultationId, waitingFor, answerBy);
        }
        List<String> unsettled = unsettledConcerns();
        if (!unsettled.isEmpty()) {
            throw new ConcernsUnsettled(consultationId, unsettled);
        }
        List<String> agreed = answers.entrySet().stream().filter(a -> a.getValue().equals(Answer.AGREE.name()))
                .map(Map.Entry::getKey).toList();
        apply(new CaseClosed(consultationId, childId, closingAgency, agreed, List.copyOf(concernsAnswered),
                List.copyOf(concernsOverridden), List.copyOf(noReply), command.occurredAt()));
    }

    /** Its payload: the moment the answer date ended (epoch milliseconds). */
    @DeadlineHandler(deadlineName = ANSWERS_DUE)
    void answersDue(Long dueAtMillis) {
        if (closed || answerDatePassed) {
            return;
        }
        List<String> silent = consultees.stream().filter(agency -> !answers.containsKey(agency)).toList();
        if (silent.isEmpty()) {
            return;
        }
        apply(new ClosureConsultationNoReply(consultationId, childId, closingAgency, silent, answerBy,
                Instant.ofEpochMilli(dueAtMillis)));
    }

    private List<String> unsettledConcerns() {
        List<String> unsettled = new ArrayList<>();
        answers.forEach((agency, answer) -> {
            if (answer.equals(Answer.CONCERN.name()) && !concernsAnswered.contains(agency)
                    && !concernsOverridden.contains(agency)) {
                unsettled.add(agency);
            }
        });
        return unsettled;
    }

    private void requireUnsettledConcern(String agency, String concernOf) {
        requireClosingAgency(agency);
        requireOpen();
        if (!unsettledConcerns().contains(concernOf)) {
            throw new NoUnsettledConcern(consultationId, concernOf);
        }
    }

    private void requireClosingAgency(String agency) {
        if (!closingAgency.equals(agency)) {
            throw new NotTheClosingAgency(consultationId, agency);
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new AlreadyClosed(consultationId);
        }
    }

    @EventSourcingHandler
    void on(ClosureConsultationOpened event) {
        consultationId = event.consultationId();
        childId = event.childId();
        closingAgency = event.closingAgency();
        answerBy = event.answerBy();
        consultees.addAll(event.consultees());
    }

    @EventSourcingHandler
    void on(ClosureConsultationAnswered event) {
        answers.put(event.agency(), event.answer());
    }

    @EventSourcingHandler
    void on(ClosureConsultationNoReply event) {
        answerDatePassed = true;
        noReply.addAll(event.agencies());
    }

    @EventSourcingHandler
    void on(ClosureConcernAnswered event) {
        concernsAnswered.add(event.concernOf());
    }

    @EventSourcingHandler
    void on(ClosureConcernOverridden event) {
        concernsOverridden.add(event.concernOf());
    }

    @EventSourcingHandler
    void on(CaseClosed event) {
        closed = true;
    }

    /** Only an agency that has worked with the child consults about closing its work with it. */
    public static final class NotWorkedWithChild extends RuleViolation {
        NotWorkedWithChild(String childId, String agency) {
            super(Kind.FORBIDDEN, "not-involved-with-child", "Agency " + agency + " has not worked with child "
                    + childId + " as far as the backbone knows, so has no work with the child to close.", null);
        }
    }

    public static final class NotConsulted extends RuleViolation {
        NotConsulted(String consultationId, String agency) {
            super("not-consulted", "Agency " + agency + " was not consulted in " + consultationId
                    + "; only the agencies asked answer.");
        }
    }

    public static final class AlreadyAnswered extends RuleViolation {
        AlreadyAnswered(String consultationId, String agency) {
            super("consultation-already-answered", "Agency " + agency + " has already answered consultation "
                    + consultationId + ".");
        }
    }

    public static final class NotTheClosingAgency extends RuleViolation {
        NotTheClosingAgency(String consultationId, String agency) {
            super("not-the-closing-agency", "Only the agency proposing to close answers concerns and records the "
                    + "closure in consultation " + consultationId + ", not " + agency + ".");
        }
    }

    public static final class AlreadyClosed extends RuleViolation {
        AlreadyClosed(String consultationId) {
            super("case-already-closed", "The closure in consultation " + consultationId + " is already recorded.");
        }
    }

    public static final class NoUnsettledConcern extends RuleViolation {
        NoUnsettledConcern(String consultationId, String agency) {
            super("no-unsettled-concern", "Agency " + agency + " has no concern waiting to be answered or overridden "
                    + "in consultation " + consultationId + ".");
        }
    }

    public static final class StillAwaitingAnswers extends RuleViolation {
        StillAwaitingAnswers(String consultationId, List<String> agencies, LocalDate answerBy) {
            super("consultation-awaiting-answers", "Consultation " + consultationId + " is waiting for "
                    + String.join(", ", agencies) + " to answer, until the end of " + answerBy
                    + "; the closure can be recorded once they have, or the date has passed.");
        }
    }

    public static final class ConcernsUnsettled extends RuleViolation {
        ConcernsUnsettled(String consultationId, List<String> agencies) {
            super("concerns-unsettled", "The concerns of " + String.join(", ", agencies) + " in consultation "
                    + consultationId + " must be answered, or overridden with a reason, before the closure is "
                    + "recorded.");
        }
    }
}
