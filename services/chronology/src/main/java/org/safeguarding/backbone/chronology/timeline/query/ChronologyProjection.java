package org.safeguarding.backbone.chronology.timeline.query;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records one act in a child's chronology: the entry, who was party to it, and what it says of the child's area.
 * An act already recorded (the same event id, redelivered or re-published) changes nothing.
 */
@Component
public class ChronologyProjection {

    private final JdbcTemplate jdbc;
    private final EntryPartyRepository entryParties;
    private final ChildAreaRepository areas;
    private final KnownAgencies agencies;
    private final ChildKeys keys;
    private final SealedColumn.Text summaries;

    ChronologyProjection(JdbcTemplate jdbc, EntryPartyRepository entryParties, ChildAreaRepository areas,
                         KnownAgencies agencies, ChildKeys keys, Sealing sealing) {
        this.summaries = new SealedColumn.Text(sealing);
        this.jdbc = jdbc;
        this.entryParties = entryParties;
        this.areas = areas;
        this.agencies = agencies;
        this.keys = keys;
    }

    /**
     * An act, as the chronology keeps it.
     *
     * @param parties the agencies the event names as party; widened here to every party of {@code subject}
     * @param movedTo for a confirmed move of the child, the agency it moved to; otherwise null
     * @param dueAt   the deadline the act set, if any
     */
    public record Act(String eventId, String childId, Instant occurredAt, Instant recordedAt, String actingAgency,
                      String actingPractitioner, String eventType, String summary, String correlationId, String subject, Set<String> parties,
                      String movedTo, Instant dueAt, Instant publishedAt, String sourceTopic, int sourcePartition,
                      long sourceOffset) {
    }

    /** What recording an act did: whether it was new, and the agencies party to it (as first recorded). */
    public record Recorded(boolean isNew, Set<String> parties) {
    }

    @Transactional
    public Recorded record(Act act) {
        return recordAll(List.of(act), ChronologyTables.LIVE).get(0);
    }

    /**
     * Records {@code acts}, in order, in {@code tables}, as recording each in turn would; what each did. Reads what it
     * needs of the tables once for them all and writes in batches: a rebuild records a poll's acts at a time.
     */
    @Transactional
    public List<Recorded> recordAll(List<Act> acts, ChronologyTables tables) {
        return record(acts, tables.recording(jdbc), eventId -> new LinkedHashSet<>(tables.partiesOf(jdbc, eventId)));
    }

    /**
     * Records {@code acts}, in order, into a rebuild's bulk load, as {@link #recordAll} records them in its tables:
     * what each act needs of those before it comes from the load's memory, not from the tables.
     */
    @Transactional
    public void load(List<Act> acts, BulkLoad load) {
        record(acts, load, eventId -> Set.of());
    }

    /** The act's summary, or what it reads as once the child's records were erased after it was recorded. */
    private static String summaryOf(Act act, Map<String, ChildKeys.Erased> erasures) {
        ChildKeys.Erased erased = erasures.get(act.childId());
        return erased != null && !act.recordedAt().isAfter(erased.erasedAt()) ? Sealing.erasedText(erased)
                : act.summary();
    }

    private List<Recorded> record(List<Act> acts, ChronologyTables.Recording recording,
                                  Function<String, Set<String>> partiesRecorded) {
        Set<String> known = recording.recordedOf(acts.stream().map(Act::eventId).toList());
        Map<String, Set<String>> subjectParties = recording.partiesOfSubjects(
                acts.stream().map(Act::subject).filter(Objects::nonNull).distinct().toList());
        Map<String, ChildArea> areas = recording.areas(acts.stream().map(Act::childId).distinct().toList());
        Set<String> newAreas = new LinkedHashSet<>();
        Set<String> movedAreas = new LinkedHashSet<>();
        Map<String, Set<String>> recordedNow = new HashMap<>();
        ChronologyTables.Writes writes = new ChronologyTables.Writes(summaries);
        List<Recorded> recorded = new ArrayList<>(acts.size());
        // an act recorded before its child's records were erased is kept as erased, however late it arrives or
        // often the chronology is rebuilt from the topics (R18)
        Map<String, ChildKeys.Erased> erasures = keys.lastErasures(acts.stream().map(Act::childId).distinct()
                .toList());
        for (Act act : acts) {
            Set<String> already = recordedNow.get(act.eventId());
            if (already != null) {
                recorded.add(new Recorded(false, already));
                continue;
            }
            if (known.contains(act.eventId())) {
                recorded.add(new Recorded(false, partiesRecorded.apply(act.eventId())));
                continue;
            }
            writes.entry(new ChronologyEntry(act.eventId(), act.childId(), act.occurredAt(), act.recordedAt(),
                    act.actingAgency(), act.actingPractitioner(), act.eventType(), summaryOf(act, erasures),
                    act.correlationId(),
                    act.subject(), act.publishedAt(), act.dueAt(), act.sourceTopic(), act.sourcePartition(),
                    act.sourceOffset()));
            Set<String> parties = new LinkedHashSet<>(act.parties());
            Set<String> ofSubject = subjectParties.computeIfAbsent(act.subject(), s -> new LinkedHashSet<>());
            parties.addAll(ofSubject);
            for (String agency : parties) {
                writes.party(act.eventId(), agency, act.childId(), act.eventType(), act.occurredAt());
                if (ofSubject.add(agency)) {
                    writes.subjectParty(act.subject(), agency, act.childId());
                }
            }
            placeChild(act, areas, newAreas, movedAreas);
            recordedNow.put(act.eventId(), parties);
            recorded.add(new Recorded(true, parties));
        }
        movedAreas.removeAll(newAreas);
        writes.areas(newAreas.stream().map(areas::get).toList(), movedAreas.stream().map(areas::get).toList());
        recording.write(writes);
        return recorded;
    }

    /** The child's lead agencies now, where they are not those last announced to the other services. */
    public record Leads(String childId, String area, Set<String> agencies) {
    }

    /** The child's lead agencies, if they changed since last announced ({@link #announced}); otherwise empty. */
    @Transactional(readOnly = true)
    public Optional<Leads> unannouncedLeads(String childId) {
        return areas.findById(childId).flatMap(this::unannounced);
    }

    /** Every child whose lead agencies changed since last announced. */
    @Transactional(readOnly = true)
    public List<Leads> everyUnannouncedLeads() {
        return areas.findAll().stream().map(this::unannounced).flatMap(Optional::stream).toList();
    }

    private Optional<Leads> unannounced(ChildArea area) {
        Set<String> now = ChronologyQueries.leadAgencies(area.getChildId(), area.getArea(), agencies, entryParties);
        return now.equals(area.announcedLeads()) ? Optional.empty()
                : Optional.of(new Leads(area.getChildId(), area.getArea(), now));
    }

    @Transactional
    public void announced(Leads leads) {
        areas.findById(leads.childId()).ifPresent(area -> area.announced(leads.agencies()));
    }

    /** The child's area: where it moved to last, or else where the first act about it was. */
    private void placeChild(Act act, Map<String, ChildArea> areas, Set<String> newAreas, Set<String> movedAreas) {
        boolean transfer = act.movedTo() != null;
        String agency = transfer ? act.movedTo() : act.actingAgency();
        String area = agencies.areaOf(agency).orElse(null);
        if (area == null) {
            return;
        }
        String basis = (transfer ? "moved to " : "first act by ") + agency;
        ChildArea known = areas.get(act.childId());
        if (known == null) {
            areas.put(act.childId(), new ChildArea(act.childId(), area, basis, transfer, act.occurredAt()));
            newAreas.add(act.childId());
        } else if (known.yieldsTo(transfer, act.occurredAt())) {
            known.becomes(area, basis, transfer, act.occurredAt());
            movedAreas.add(act.childId());
        }
    }
}
