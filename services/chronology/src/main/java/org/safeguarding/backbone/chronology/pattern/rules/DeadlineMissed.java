package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * An act that set a deadline ({@code openingType}, with its {@code dueAt}) and no act closing it
 * ({@code closingType}, on the same record) by then: each is one detection once the deadline has passed. Closed
 * late still counts: it was overdue.
 */
public final class DeadlineMissed implements PatternRule {

    private final String name;
    private final String openingType;
    private final String closingType;
    private final Function<StreamAct, String> describe;

    public DeadlineMissed(String name, String openingType, String closingType,
                          Function<StreamAct, String> describe) {
        this.name = name;
        this.openingType = openingType;
        this.closingType = closingType;
        this.describe = describe;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Detection> detect(List<StreamAct> acts, Instant now) {
        // the first closing act on each record, found once rather than once a deadline
        Map<String, Instant> firstClosed = new HashMap<>();
        acts.stream().filter(act -> act.eventType().equals(closingType))
                .forEach(act -> firstClosed.merge(act.subject(), act.occurredAt(),
                        (one, other) -> one.isBefore(other) ? one : other));
        List<Detection> found = new ArrayList<>();
        acts.stream().filter(act -> act.eventType().equals(openingType) && act.dueAt() != null)
                .sorted(StreamAct.IN_ORDER)
                .forEach(opened -> {
                    // a deadline on no record cannot be met by an act on one
                    Instant closed = opened.subject() == null ? null : firstClosed.get(opened.subject());
                    boolean closedInTime = closed != null && !closed.isAfter(opened.dueAt());
                    if (!closedInTime && now.isAfter(opened.dueAt())) {
                        found.add(new Detection(name, describe.apply(opened), opened.occurredAt(), opened.dueAt(),
                                List.of(opened.eventId())));
                    }
                });
        return found;
    }

    /** An instance is one act that set a deadline, with the acts on its record that could have met it. */
    @Override
    public Optional<Scope> scope(StreamAct act) {
        if (!act.eventType().equals(openingType) || act.dueAt() == null) {
            return Optional.empty();
        }
        return Optional.of(act.subject() == null
                ? Scope.kindsWithin(Set.of(openingType), act.occurredAt(), act.occurredAt())
                : Scope.aboutRecord(Set.of(openingType, closingType), act.subject()));
    }
}
