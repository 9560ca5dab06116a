package org.safeguarding.backbone.chronology.retention.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.EraseChildContent;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.PlaceLegalHold;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.ReleaseLegalHold;
import org.safeguarding.backbone.chronology.retention.api.RetentionEvents.ChildContentErased;
import org.safeguarding.backbone.chronology.retention.api.RetentionEvents.LegalHoldPlaced;
import org.safeguarding.backbone.chronology.retention.api.RetentionEvents.LegalHoldReleased;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/**
 * A child's records as a whole (R18), one per child: the legal holds on them, and their erasure, which is refused
 * while a hold is open. Every service acts on what it decides (they destroy the child's keys on
 * {@code ChildContentErased}), so a hold here holds the child's records everywhere.
 */
@Aggregate
public class ChildRecords {

    @AggregateIdentifier
    private String childId;
    /** Open holds: id to the agency that placed it. */
    private final Map<String, String> openHolds = new LinkedHashMap<>();
    private final Set<String> knownHolds = new HashSet<>();

    protected ChildRecords() {
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PlaceLegalHold command) {
        if (command.placerKind() != AgencyKind.SAFEGUARDING_PARTNERSHIP) {
            throw new NotAPartnership(command.placedBy());
        }
        if (command.purpose() == null) {
            throw new Invalid("no-purpose", "A legal hold says what it is for: REVIEW, INQUIRY or PROCEEDINGS.",
                    "purpose");
        }
        if (command.reference() == null || command.reference().isBlank()) {
            throw new Invalid("no-reference", "A legal hold names the review, inquiry or case it is for.",
                    "reference");
        }
        apply(new LegalHoldPlaced(command.childId(), command.holdId(), command.placedBy(), command.purpose(),
                command.reference(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(ReleaseLegalHold command) {
        if (!knownHolds.contains(command.holdId())) {
            throw new NoSuchHold(command.holdId());
        }
        String placedBy = openHolds.get(command.holdId());
        if (placedBy == null) {
            throw new AlreadyReleased(command.holdId());
        }
        if (!placedBy.equals(command.releasedBy())) {
            throw new NotThePlacer(command.holdId(), command.releasedBy());
        }
        apply(new LegalHoldReleased(command.childId(), command.holdId(), placedBy, command.releasedBy(),
                command.reason(), command.occurredAt()));
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(EraseChildContent command) {
        if (command.reason() == null || command.reason().isBlank()) {
            throw new Invalid("no-reason-for-erasure", "An erasure is recorded with its reason: the retention that "
                    + "ended, or the order to erase.", "reason");
        }
        if (!openHolds.isEmpty()) {
            throw new UnderLegalHold(openHolds.size());
        }
        apply(new ChildContentErased(command.childId(), command.erasureId(), command.orderedBy(), command.reason(),
                command.occurredAt()));
    }

    @EventSourcingHandler
    void on(LegalHoldPlaced event) {
        childId = event.childId();
        openHolds.put(event.holdId(), event.placedBy());
        knownHolds.add(event.holdId());
    }

    @EventSourcingHandler
    void on(LegalHoldReleased event) {
        childId = event.childId();
        openHolds.remove(event.holdId());
    }

    @EventSourcingHandler
    void on(ChildContentErased event) {
        childId = event.childId();
    }

    /** Only a safeguarding partnership places a legal hold. */
    public static final class NotAPartnership extends RuleViolation {
        NotAPartnership(String agency) {
            super(Kind.FORBIDDEN, "not-a-partnership", "Agency " + agency + " is not a safeguarding partnership: only "
                    + "a partnership places a legal hold on a child's records.", null);
        }
    }

    /** Only the partnership that placed a hold releases it. */
    public static final class NotThePlacer extends RuleViolation {
        NotThePlacer(String holdId, String agency) {
            super(Kind.FORBIDDEN, "not-the-placer", "Legal hold " + holdId + " was not placed by " + agency + ".",
                    null);
        }
    }

    /** No hold with that id on this child's records. */
    public static final class NoSuchHold extends NotFound {
        NoSuchHold(String holdId) {
            super("legal hold", holdId);
        }
    }

    /** A hold is released once. */
    public static final class AlreadyReleased extends RuleViolation {
        AlreadyReleased(String holdId) {
            super("hold-already-released", "Legal hold " + holdId + " has already been released.");
        }
    }

    /** Erasure waits while any hold is open. */
    public static final class UnderLegalHold extends RuleViolation {
        UnderLegalHold(int holds) {
            super("under-legal-hold", "The child's records are under " + holds + " legal hold" + (holds == 1 ? "" : "s")
                    + ": they are not erased until every hold is released.");
        }
    }
}
