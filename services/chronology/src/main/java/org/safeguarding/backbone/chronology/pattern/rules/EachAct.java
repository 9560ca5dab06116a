package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
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
        return acts.stream().filter(act -> act.eventType().equals(eventType)).sorted(inOrder)
                .map(found -> {
                    StreamAct began = acts.stream().filter(act -> found.subject().equals(act.subject()))
                            .min(inOrder).filter(first -> inOrder.compare(first, found) < 0).orElse(found);
                    List<String> contributing = began == found ? List.of(found.eventId())
                            : List.of(began.eventId(), found.eventId());
                    return new Detection(name, describe.apply(found), began.occurredAt(), found.occurredAt(),
                            contributing);
                })
                .toList();
    }
}
