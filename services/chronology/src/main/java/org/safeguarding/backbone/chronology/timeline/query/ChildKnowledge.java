package org.safeguarding.backbone.chronology.timeline.query;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.safeguarding.backbone.chronology.review.query.ReviewProjection;
import org.safeguarding.backbone.chronology.review.query.ReviewView;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries.NotInvolved;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries.ReviewNotOpen;
import org.safeguarding.backbone.kernel.rule.NotFound;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an agency knew about a child at a given moment, and who told it (the reviewer's central question, issue 8);
 * and, for one record, every agency that knew of it and since when. Answered from the acts as the chronology holds
 * them: an agency knew an act from when it was told ({@link ChronologyEntry#knownFrom}), never from when it happened
 * alone, so an act recorded late is not known before it was recorded.
 *
 * <p>Knowledge is what an agency was told: the acts it was party to (ADR 0008). That the lead agency could read every
 * act does not make it know them.
 */
@Service
public class ChildKnowledge {

    private final ChronologyEntryRepository entries;
    private final EntryPartyRepository parties;
    private final SubjectPartyRepository subjectParties;
    private final ChronologyAccessRepository access;
    private final ChronologyQueries chronology;
    private final ReviewProjection reviews;

    ChildKnowledge(ChronologyEntryRepository entries, EntryPartyRepository parties,
                   SubjectPartyRepository subjectParties, ChronologyAccessRepository access,
                   ChronologyQueries chronology, ReviewProjection reviews) {
        this.entries = entries;
        this.parties = parties;
        this.subjectParties = subjectParties;
        this.access = access;
        this.chronology = chronology;
        this.reviews = reviews;
    }

    /**
     * An act as {@code agency} knew it.
     *
     * @param knownFrom when the agency was told of it
     * @param toldBy    the agency that acted, when not the agency itself (null: its own act)
     * @param through   the record the act concerns ({@code share:<id>}, {@code request:<id>}, {@code transfer:<id>},
     *                  ...), through which the agency was told
     */
    public record KnownAct(ChronologyEntry entry, Instant knownFrom, String toldBy, String through) {
    }

    /** What {@code agency} knew about the child at {@code asKnownAt}, and on what basis the caller reads it. */
    public record AsKnown(String childId, String agency, Instant asKnownAt, ReadBasis readAs, List<KnownAct> acts) {
    }

    /** An agency that knew of a record: since when, through which act, told by whom (null: its own act). */
    public record Knower(String agency, Instant since, String eventId, String eventType, String toldBy) {
    }

    /** Every agency that knew of {@code record}, the earliest first. */
    public record KnownBy(String childId, String record, ReadBasis readAs, List<Knower> knownBy) {
    }

    /**
     * What {@code agency} knew about {@code childId} at {@code at}: for the agency itself (if involved with the
     * child), the lead agency, or the reviewer of an open review ({@code reviewId}: the acts in the period it
     * covers). Recorded, granted or refused, as a read of the child's data.
     */
    @Transactional(noRollbackFor = {NotInvolved.class, ReviewNotOpen.class, NotEntitledToAgencyKnowledge.class})
    public AsKnown asKnownAt(String childId, String caller, String agency, Instant at, String reviewId) {
        Instant now = Clock.systemUTC().instant();
        Entitlement entitled = entitlement(childId, caller, reviewId, now,
                () -> caller.equals(agency) && parties.existsByChildIdAndAgency(childId, caller));
        ReadBasis basis = entitled.basis();
        access.save(new ChronologyAccess(childId, caller, "as-known-at:" + agency, now, basis, reviewId));
        if (basis == null) {
            if (reviewId != null) {
                throw new ReviewNotOpen(reviewId, caller);
            }
            if (!parties.existsByChildIdAndAgency(childId, caller)) {
                throw new NotInvolved(childId, caller);
            }
            throw new NotEntitledToAgencyKnowledge(childId, caller, agency);
        }
        List<KnownAct> known = entries.partyTo(childId, agency).stream()
                .filter(entry -> entitled.review() == null || entitled.review().covers(entry.getOccurredAt()))
                .filter(entry -> !entry.knownFrom(agency).isAfter(at))
                .map(entry -> new KnownAct(entry, entry.knownFrom(agency),
                        agency.equals(entry.getAgency()) ? null : entry.getAgency(), entry.getSubject()))
                .toList();
        return new AsKnown(childId, agency, at, basis, known);
    }

    /**
     * Who knew of {@code record} (e.g. {@code share:<id>}), a record about {@code childId}: every agency party to an
     * act on it, since the first act it was told of. For the record's parties, the lead agency, and the reviewer of
     * an open review; anyone else is told the record is not found (recorded as a refused read when it exists).
     */
    @Transactional(noRollbackFor = {NotFound.class, ReviewNotOpen.class})
    public KnownBy knownBy(String childId, String caller, String record, String reviewId) {
        Instant now = Clock.systemUTC().instant();
        List<ChronologyEntry> acts =
                entries.ofChildOnRecord(childId, record);
        ReadBasis basis = entitlement(childId, caller, reviewId, now,
                () -> subjectParties.existsById(new SubjectParty.Key(record, caller))).basis();
        if (!acts.isEmpty() || basis == ReadBasis.REVIEW) {
            access.save(new ChronologyAccess(childId, caller, "known-by:" + record, now, basis, reviewId));
        }
        if (basis == null && reviewId != null) {
            throw new ReviewNotOpen(reviewId, caller);
        }
        if (basis == null || acts.isEmpty()) {
            throw new NotFound("record", record);
        }
        Map<String, ChronologyEntry> byId = new LinkedHashMap<>();
        acts.forEach(act -> byId.put(act.getEventId(), act));
        Map<String, Knower> first = new LinkedHashMap<>();
        for (EntryParty party : parties.findByEventIdIn(byId.keySet())) {
            ChronologyEntry act = byId.get(party.getEventId());
            Instant since = act.knownFrom(party.getAgency());
            Knower known = first.get(party.getAgency());
            if (known == null || since.isBefore(known.since())) {
                first.put(party.getAgency(), new Knower(party.getAgency(), since, act.getEventId(),
                        act.getEventType(), party.getAgency().equals(act.getAgency()) ? null : act.getAgency()));
            }
        }
        return new KnownBy(childId, record, basis, first.values().stream()
                .sorted(Comparator.comparing(Knower::since).thenComparing(Knower::agency)).toList());
    }

    /** Why the caller may read: under the open review it names, as lead agency, or as a party; basis null: not. */
    private record Entitlement(ReadBasis basis, ReviewView review) {
    }

    private Entitlement entitlement(String childId, String caller, String reviewId, Instant now,
                                    BooleanSupplier party) {
        if (reviewId != null) {
            ReviewView review = reviews.granting(reviewId, childId, caller, now).orElse(null);
            return new Entitlement(review == null ? null : ReadBasis.REVIEW, review);
        }
        if (chronology.leadsOf(childId).contains(caller)) {
            return new Entitlement(ReadBasis.LEAD_AGENCY, null);
        }
        return new Entitlement(party.getAsBoolean() ? ReadBasis.PARTY : null, null);
    }

    /** What another agency knew is for the lead agency and an open review's reviewer, not for other agencies. */
    public static final class NotEntitledToAgencyKnowledge extends RuleViolation {
        NotEntitledToAgencyKnowledge(String childId, String caller, String agency) {
            super(Kind.FORBIDDEN, "not-entitled-to-agency-knowledge", "Agency " + caller + " may not read what "
                    + agency + " knew about child " + childId + ": that is for " + agency + " itself, the lead agency, "
                    + "and the reviewer of an open review.", null);
        }
    }
}
