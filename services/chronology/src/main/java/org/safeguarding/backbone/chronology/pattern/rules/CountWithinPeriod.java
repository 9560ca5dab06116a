package org.safeguarding.backbone.chronology.pattern.rules;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * At least {@code threshold} acts of some kinds (or acts by {@code threshold} different agencies) within any
 * {@code period}: the first and the last act at most {@code period} apart, both ends included. Each maximal such run
 * of acts is one detection; a run wholly inside another is not reported again.
 */
public final class CountWithinPeriod implements PatternRule {

    /**
     * What is counted in a run: its acts, the different agencies that acted, or the different records the acts are
     * about (a share whose recipients each missed their own deadline is one share not acknowledged in time).
     */
    public enum Counting { ACTS, AGENCIES, RECORDS }

    private final String name;
    private final Set<String> eventTypes;
    private final int threshold;
    private final Duration period;
    private final Counting counting;
    private final Function<Integer, String> describe;

    /**
     * @param describe what a run of {@code n} (acts or agencies) means, in plain words, e.g. "3 agencies raised
     *                 concerns about the child within 7 days"
     */
    public CountWithinPeriod(String name, Set<String> eventTypes, int threshold, Duration period, Counting counting,
                             Function<Integer, String> describe) {
        if (threshold < 1) {
            throw new IllegalArgumentException(name + ": the threshold must be at least 1, not " + threshold);
        }
        if (period.isNegative()) {
            throw new IllegalArgumentException(name + ": the period must not be negative: " + period);
        }
        this.name = name;
        this.eventTypes = Set.copyOf(eventTypes);
        this.threshold = threshold;
        this.period = period;
        this.counting = counting;
        this.describe = describe;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public List<Detection> detect(List<StreamAct> acts, Instant now) {
        List<StreamAct> counted = acts.stream().filter(act -> eventTypes.contains(act.eventType()))
                .sorted(StreamAct.IN_ORDER)
                .toList();
        List<Detection> found = new ArrayList<>();
        // the run from each act in turn to the last act within the period after it: both ends only move forward, and
        // what the run counts is kept as acts enter and leave it, so the stream is gone through once, not once an act
        Map<String, Integer> inRun = new HashMap<>();
        int end = -1;
        int lastEnd = -1;
        for (int start = 0; start < counted.size(); start++) {
            Instant limit = counted.get(start).occurredAt().plus(period);
            while (end + 1 < counted.size() && !counted.get(end + 1).occurredAt().isAfter(limit)) {
                end++;
                inRun.merge(counted(counted.get(end)), 1, Integer::sum);
            }
            int count = counting == Counting.ACTS ? end - start + 1 : inRun.size();
            // a run ending where the one before it ended lies wholly inside it
            if (end != lastEnd && count >= threshold) {
                List<StreamAct> run = counted.subList(start, end + 1);
                found.add(new Detection(name, describe.apply(count), run.get(0).occurredAt(),
                        run.get(run.size() - 1).occurredAt(), run.stream().map(StreamAct::eventId).toList(),
                        count));
                lastEnd = end;
            }
            inRun.computeIfPresent(counted(counted.get(start)), (key, n) -> n == 1 ? null : n - 1);
        }
        return found;
    }

    /** What an act adds to a run's count, where the count is of different agencies or records. */
    private String counted(StreamAct act) {
        return switch (counting) {
            case ACTS -> act.eventId();
            case AGENCIES -> act.agency();
            case RECORDS -> act.subject();
        };
    }

    /** A run with the act in it lies within the period either side of it, and holds only the kinds counted. */
    @Override
    public Optional<Scope> scope(StreamAct act) {
        return eventTypes.contains(act.eventType())
                ? Optional.of(Scope.kindsWithin(eventTypes, act.occurredAt().minus(period),
                        act.occurredAt().plus(period)))
                : Optional.empty();
    }
}
