package org.safeguarding.backbone.chronology.timeline.query;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.chronology.review.query.ReviewProjection;
import org.safeguarding.backbone.chronology.review.query.ReviewView;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reading a child's chronology on a need-to-know basis (R10, ADR 0008). An agency reads in full the acts it was party
 * to; of the rest it learns only which agencies are involved, since when, and in which kinds of act, so it knows whom
 * to call. The lead agency (children's social care of the child's area, involved with the child) reads every act.
 * An agency party to no act about the child is refused. Every attempt is recorded.
 */
@Service
public class ChronologyQueries {

    private final ChronologyEntryRepository entries;
    private final EntryPartyRepository parties;
    private final ChildAreaRepository areas;
    private final ChronologyAccessRepository access;
    private final KnownAgencies agencies;
    private final ReviewProjection reviews;

    ChronologyQueries(ChronologyEntryRepository entries, EntryPartyRepository parties, ChildAreaRepository areas,
                      ChronologyAccessRepository access, KnownAgencies agencies, ReviewProjection reviews) {
        this.entries = entries;
        this.parties = parties;
        this.areas = areas;
        this.access = access;
        this.agencies = agencies;
        this.reviews = reviews;
    }

    static final String CHRONOLOGY = "chronology";
    static final String ACCESS_LOG = "access-log";

    /** What an agency may read of a child's chronology, and why it may. */
    public record ChildChronology(String childId, ReadBasis readAs, String area, Set<String> leadAgencies,
                                  List<ChronologyEntry> entries, List<Involvement> involvement) {
    }

    /** An agency involved with the child: since its first act, and the kinds of act it was party to. */
    public record Involvement(String agency, AgencyKind kind, Instant since, List<String> acts) {
    }

    /** One recorded read of a child's data, or a refused attempt, as the access log shows it. */
    public record Access(String agency, String practitioner, String resource, Instant at, boolean granted,
                         ReadBasis basis, String reviewId) {
    }

    /**
     * The chronology {@code agency} may read, or NotInvolved (recorded, then refused). With {@code reviewId}, the
     * read is made under that review: every act in the period it covers, if the review is open, the caller is its
     * reviewer and it has not expired; otherwise ReviewNotOpen (recorded, then refused).
     */
    @Transactional(noRollbackFor = {NotInvolved.class, ReviewNotOpen.class})
    public ChildChronology forChild(String childId, String agency, String reviewId) {
        List<Involvement> involvement = involvement(parties.actKinds(childId));
        String area = areas.findById(childId).map(ChildArea::getArea).orElse(null);
        Set<String> leads = leadAgencies(involvement.stream().map(Involvement::agency).toList(), area, agencies);
        Instant now = Clock.systemUTC().instant();
        if (reviewId != null) {
            ReviewView review = reviews.granting(reviewId, childId, agency, now).orElse(null);
            access.save(new ChronologyAccess(childId, agency, CHRONOLOGY, now,
                    review == null ? null : ReadBasis.REVIEW, reviewId));
            if (review == null) {
                throw new ReviewNotOpen(reviewId, agency);
            }
            List<ChronologyEntry> covered = entries.ofChild(childId)
                    .stream().filter(entry -> review.covers(entry.getOccurredAt())).toList();
            return new ChildChronology(childId, ReadBasis.REVIEW, area, leads, covered, involvement);
        }
        ReadBasis basis = basis(agency, involvement, leads);
        access.save(new ChronologyAccess(childId, agency, CHRONOLOGY, now, basis, null));
        if (basis == null) {
            throw new NotInvolved(childId, agency);
        }
        List<ChronologyEntry> readable = basis == ReadBasis.LEAD_AGENCY
                ? entries.ofChild(childId)
                : entries.partyTo(childId, agency);
        return new ChildChronology(childId, basis, area, leads, readable, involvement);
    }

    /**
     * Who read the child's data, what, when and on what basis, refused attempts included (R10): for the lead agency,
     * and for the reviewer of an open review of the child ({@code reviewId}). Reading it is recorded too.
     */
    @Transactional(noRollbackFor = NotEntitledToAccessLog.class)
    public List<Access> accessLog(String childId, String agency, String reviewId) {
        Instant now = Clock.systemUTC().instant();
        ReadBasis basis;
        if (reviewId != null) {
            basis = reviews.granting(reviewId, childId, agency, now).isPresent() ? ReadBasis.REVIEW : null;
        } else {
            basis = leadsOf(childId).contains(agency) ? ReadBasis.LEAD_AGENCY : null;
        }
        access.save(new ChronologyAccess(childId, agency, ACCESS_LOG, now, basis, reviewId));
        if (basis == null) {
            throw new NotEntitledToAccessLog(childId, agency);
        }
        return access.findByChildIdOrderByAccessedAtAscIdAsc(childId).stream()
                .map(a -> new Access(a.getAgency(), a.getPractitioner(), a.getResource(), a.getAccessedAt(),
                        a.isGranted(), a.getBasis(), a.getReviewId()))
                .toList();
    }

    /**
     * Whom a concern about the child is for: its lead agencies; while there are none, children's social care of the
     * child's area; no one while its area is not known.
     */
    @Transactional(readOnly = true)
    public Set<String> concernAddressees(String childId) {
        Set<String> leads = leadsOf(childId);
        if (!leads.isEmpty()) {
            return leads;
        }
        return areas.findById(childId).map(area -> (Set<String>) agencies.ofKindIn(AgencyKind.CHILDRENS_SOCIAL_CARE,
                area.getArea())).orElse(Set.of());
    }

    /** The child's lead agencies now (none until its area is known and its children's social care involved). */
    Set<String> leadsOf(String childId) {
        String area = areas.findById(childId).map(ChildArea::getArea).orElse(null);
        return leadAgencies(childId, area, agencies, parties);
    }

    /**
     * The lead agency for a child, as {@link #leadAgencies(List, String, KnownAgencies)} has it, found by asking of each
     * children's social care of the child's area whether it has been party to an act about the child (an index
     * lookup each), not by reading every party of every act: done after every act, it must not cost more as the
     * child's history grows.
     */
    static Set<String> leadAgencies(String childId, String childArea, KnownAgencies agencies,
                                    EntryPartyRepository parties) {
        if (childArea == null) {
            return Set.of();
        }
        return agencies.ofKindIn(AgencyKind.CHILDRENS_SOCIAL_CARE, childArea).stream()
                .filter(agency -> parties.existsByChildIdAndAgency(childId, agency))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static ReadBasis basis(String agency, List<Involvement> involvement, Set<String> leads) {
        return leads.contains(agency) ? ReadBasis.LEAD_AGENCY
                : involvement.stream().anyMatch(i -> i.agency().equals(agency)) ? ReadBasis.PARTY
                : null;
    }

    /**
     * The lead agency for a child: children's social care whose area is the child's area, and which has been involved
     * with the child. None until both hold.
     */
    static Set<String> leadAgencies(List<String> involved, String childArea, KnownAgencies agencies) {
        if (childArea == null) {
            return Set.of();
        }
        return involved.stream()
                .filter(a -> agencies.kindOf(a).filter(k -> k == AgencyKind.CHILDRENS_SOCIAL_CARE).isPresent())
                .filter(a -> agencies.areaOf(a).filter(childArea::equals).isPresent())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private List<Involvement> involvement(List<EntryPartyRepository.ActKind> kinds) {
        Map<String, List<EntryPartyRepository.ActKind>> byAgency = kinds.stream()
                .sorted(Comparator.comparing(EntryPartyRepository.ActKind::since))
                .collect(Collectors.groupingBy(EntryPartyRepository.ActKind::agency, LinkedHashMap::new,
                        Collectors.toList()));
        List<Involvement> involvement = new ArrayList<>();
        byAgency.forEach((agency, acts) -> involvement.add(new Involvement(agency,
                agencies.kindOf(agency).orElse(null), acts.get(0).since(),
                acts.stream().map(EntryPartyRepository.ActKind::eventType).toList())));
        return involvement;
    }

    /** A review is read under only while open, by its reviewer, before it expires. */
    public static final class ReviewNotOpen extends RuleViolation {
        ReviewNotOpen(String reviewId, String agency) {
            super(Kind.FORBIDDEN, "review-not-open", "Review " + reviewId + " does not let " + agency + " read this "
                    + "child's history now: it is not this agency's, not about this child, closed, revoked or expired.",
                    null);
        }
    }

    /** The access log is for the lead agency, and for the reviewer of an open review. */
    public static final class NotEntitledToAccessLog extends RuleViolation {
        NotEntitledToAccessLog(String childId, String agency) {
            super(Kind.FORBIDDEN, "not-entitled-to-access-log", "Agency " + agency + " may not read who read child "
                    + childId + "'s data: that is for the lead agency, and the reviewer of an open review.", null);
        }
    }

    /** R10: a chronology is for the agencies party to acts about the child, the lead agency, and open reviews. */
    public static final class NotInvolved extends RuleViolation {
        NotInvolved(String childId, String agency) {
            super(Kind.FORBIDDEN, "not-involved-with-child", "Agency " + agency
                    + " has not been party to any act about child " + childId + " and may not read its chronology.",
                    null);
        }
    }
}
