package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Every act of one kind is a pattern in itself, with the act that began its record (e.g. a verbal share never
 * followed up in writing: the share, and the notice that its deadline passed).
 */
public final class EachAct implements PatternRule {

    private final String name;
    private final String eventType;
    private final Function<StreamAct, String> describe;

    public EachAct(String name, String eventType, Function<StreamAct, String> describe) {
        this.name = name;
        this.eventType = eventType;
        this.describe = describe;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Detection> detect(List<StreamAct> acts, Instant now) {
        Comparator<StreamAct> inOrder = StreamAct.IN_ORDER;
        // the act that began each record, found once rather than once an act
        Map<String, StreamAct> firstOnRecord = new HashMap<>();
        acts.forEach(act -> firstOnRecord.merge(act.subject(), act,
                (one, other) -> inOrder.compare(one, other) <= 0 ? one : other));
        return acts.stream().filter(act -> act.eventType().equals(eventType)).sorted(inOrder)
                .map(found -> {
                    // an act on no record began nothing before it
                    StreamAct first = found.subject() == null ? found : firstOnRecord.get(found.subject());
                    StreamAct began = inOrder.compare(first, found) < 0 ? first : found;
                    List<String> contributing = began == found ? List.of(found.eventId())
                            : List.of(began.eventId(), found.eventId());
                    return new Detection(name, describe.apply(found), began.occurredAt(), found.occurredAt(),
                            contributing);
                })
                .toList();
    }

    /**
     * An instance is an act of the kind with the act that began its record: both on the act's record. Any act on a
     * record may be the one that began it (one that happened first may arrive last).
     */
    @Override
    public Optional<Scope> scope(StreamAct act) {
        if (act.subject() == null) {
            return act.eventType().equals(eventType)
                    ? Optional.of(Scope.kindsWithin(Set.of(eventType), act.occurredAt(), act.occurredAt()))
                    : Optional.empty();
        }
        return Optional.of(Scope.aboutRecord(Set.of(), act.subject()));
    }
}
