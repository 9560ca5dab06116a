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

    ChronologyQueries(ChronologyEntryRepository entries, EntryPartyRepository parties, ChildAreaRepository areas,
                      ChronologyAccessRepository access, KnownAgencies agencies) {
        this.entries = entries;
        this.parties = parties;
        this.areas = areas;
        this.access = access;
        this.agencies = agencies;
    }

    /** What an agency may read of a child's chronology, and why it may. */
    public record ChildChronology(String childId, ReadBasis readAs, String area, Set<String> leadAgencies,
                                  List<ChronologyEntry> entries, List<Involvement> involvement) {
    }

    /** An agency involved with the child: since its first act, and the kinds of act it was party to. */
    public record Involvement(String agency, AgencyKind kind, Instant since, List<String> acts) {
    }

    /** The chronology {@code agency} may read, or NotInvolved (recorded, then refused). */
    @Transactional(noRollbackFor = NotInvolved.class)
    public ChildChronology forChild(String childId, String agency) {
        List<Involvement> involvement = involvement(parties.actKinds(childId));
        String area = areas.findById(childId).map(ChildArea::getArea).orElse(null);
        Set<String> leads = leadAgencies(involvement.stream().map(Involvement::agency).toList(), area, agencies);
        ReadBasis basis = leads.contains(agency) ? ReadBasis.LEAD_AGENCY
                : involvement.stream().anyMatch(i -> i.agency().equals(agency)) ? ReadBasis.PARTY
                : null;
        access.save(new ChronologyAccess(childId, agency, Clock.systemUTC().instant(), basis));
        if (basis == null) {
            throw new NotInvolved(childId, agency);
        }
        List<ChronologyEntry> readable = basis == ReadBasis.LEAD_AGENCY
                ? entries.findByChildIdOrderByOccurredAtAscRecordedAtAscEventIdAsc(childId)
                : entries.partyTo(childId, agency);
        return new ChildChronology(childId, basis, area, leads, readable, involvement);
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

    /** R10: a chronology is for the agencies party to acts about the child (reviewers, with a recorded reason, later). */
    public static final class NotInvolved extends RuleViolation {
        NotInvolved(String childId, String agency) {
            super(Kind.FORBIDDEN, "not-involved-with-child", "Agency " + agency
                    + " has not been party to any act about child " + childId + " and may not read its chronology.",
                    null);
        }
    }
}
