package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
        List<Detection> found = new ArrayList<>();
        acts.stream().filter(act -> act.eventType().equals(openingType) && act.dueAt() != null)
                .sorted(StreamAct.IN_ORDER)
                .forEach(opened -> {
                    boolean closedInTime = acts.stream().anyMatch(act -> act.eventType().equals(closingType)
                            && opened.subject().equals(act.subject()) && !act.occurredAt().isAfter(opened.dueAt()));
                    if (!closedInTime && now.isAfter(opened.dueAt())) {
                        found.add(new Detection(name, describe.apply(opened), opened.occurredAt(), opened.dueAt(),
                                List.of(opened.eventId())));
                    }
                });
        return found;
    }
}
