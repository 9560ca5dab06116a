package org.safeguarding.backbone.chronology.timeline.web;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.safeguarding.backbone.chronology.timeline.query.ChildKnowledge;
import org.safeguarding.backbone.chronology.timeline.query.ChildKnowledge.AsKnown;
import org.safeguarding.backbone.chronology.timeline.query.ChildKnowledge.KnownAct;
import org.safeguarding.backbone.chronology.timeline.query.ChildKnowledge.KnownBy;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyEntry;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries.ChildChronology;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries.Involvement;
import org.safeguarding.backbone.chronology.timeline.query.ReadBasis;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.validation.NhsNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A child's multi-agency chronology over HTTP, as much of it as the calling agency needs to know. */
@RestController
class ChronologyController {

    private static final String RECORD = "(share|request|decision|feedback|transfer|consultation|review):[^\\s:]{1,100}";

    private final ChronologyQueries chronology;
    private final ChildKnowledge knowledge;
    private final KnownAgencies agencies;

    ChronologyController(ChronologyQueries chronology, ChildKnowledge knowledge, KnownAgencies agencies) {
        this.chronology = chronology;
        this.knowledge = knowledge;
        this.agencies = agencies;
    }

    /** With {@code review}: read under that open review (the reviewer only). */
    @GetMapping("/api/children/{nhsNumber}/chronology")
    ChronologyResponse chronology(@PathVariable @NhsNumber String nhsNumber,
                                  @RequestParam(required = false) @Size(max = 100) String review,
                                  Principal principal) {
        return ChronologyResponse.of(chronology.forChild(nhsNumber, CallingAgency.of(principal), review));
    }

    /**
     * What {@code agency} (the caller when not given) knew about the child at {@code asKnownAt}, and who told it: for
     * the agency itself, the lead agency, or an open review's reviewer ({@code review}).
     */
    @GetMapping(value = "/api/children/{nhsNumber}/chronology", params = "asKnownAt")
    AsKnownResponse asKnownAt(@PathVariable @NhsNumber String nhsNumber, @RequestParam Instant asKnownAt,
                              @RequestParam(required = false) @Size(min = 1, max = 100) String agency,
                              @RequestParam(required = false) @Size(max = 100) String review,
                              Principal principal) {
        String caller = CallingAgency.of(principal);
        if (agency != null) {
            // a name the backbone does not know (a slip of the keyboard) would otherwise read as an agency that was
            // told nothing
            agencies.require("agency", agency);
        }
        return AsKnownResponse.of(knowledge.asKnownAt(nhsNumber, caller, agency == null ? caller : agency, asKnownAt,
                review));
    }

    /** Every agency that knew of one record about the child ({@code share:<id>}, ...), and since when. */
    @GetMapping("/api/children/{nhsNumber}/known-by")
    KnownBy knownBy(@PathVariable @NhsNumber String nhsNumber,
                    @RequestParam @Pattern(regexp = RECORD, message = "must name a record as <kind>:<id>, the kind "
                            + "one of share, request, decision, feedback, transfer, review") String record,
                    @RequestParam(required = false) @Size(max = 100) String review,
                    Principal principal) {
        return knowledge.knownBy(nhsNumber, CallingAgency.of(principal), record, review);
    }

    /** Who read the child's data, what, when and on what basis: the lead agency, or an open review's reviewer. */
    @GetMapping("/api/children/{nhsNumber}/access-log")
    AccessLogResponse accessLog(@PathVariable @NhsNumber String nhsNumber,
                                @RequestParam(required = false) @Size(max = 100) String review,
                                Principal principal) {
        return new AccessLogResponse(nhsNumber, chronology.accessLog(nhsNumber, CallingAgency.of(principal), review));
    }

    record AccessLogResponse(String childId, List<ChronologyQueries.Access> reads) {
    }

    /**
     * @param readAs       why the caller reads what it reads: {@code PARTY} (the acts it was party to),
     *                     {@code LEAD_AGENCY} (every act) or {@code REVIEW} (every act in the period reviewed)
     * @param entries      the acts the caller may read, in the order they happened
     * @param involvement  every agency involved with the child: since when, in which kinds of act (no content)
     */
    record ChronologyResponse(String childId, ReadBasis readAs, String childArea, Set<String> leadAgencies,
                              List<Entry> entries, List<Involvement> involvement) {
        static ChronologyResponse of(ChildChronology chronology) {
            return new ChronologyResponse(chronology.childId(), chronology.readAs(), chronology.area(),
                    chronology.leadAgencies(), chronology.entries().stream().map(Entry::of).toList(),
                    chronology.involvement());
        }
    }

    /** What the agency knew at the time asked, each act with when it was told, by whom and through what. */
    record AsKnownResponse(String childId, String agency, Instant asKnownAt, ReadBasis readAs, List<KnownEntry> entries) {
        static AsKnownResponse of(AsKnown known) {
            return new AsKnownResponse(known.childId(), known.agency(), known.asKnownAt(), known.readAs(),
                    known.acts().stream().map(KnownEntry::of).toList());
        }
    }

    /**
     * @param knownFrom when the agency was told (recorded, and on the backbone's topics); never before it was recorded
     * @param toldBy    the agency that acted, when not the agency itself
     * @param through   the record through which it was told: {@code share:<id>}, {@code request:<id>}, ...
     */
    record KnownEntry(String eventId, Instant occurredAt, Instant recordedAt, Instant knownFrom, String agency,
                      String practitioner, String eventType, String summary, String toldBy, String through) {
        static KnownEntry of(KnownAct act) {
            ChronologyEntry entry = act.entry();
            return new KnownEntry(entry.getEventId(), entry.getOccurredAt(), entry.getRecordedAt(), act.knownFrom(),
                    entry.getAgency(), entry.getPractitioner(), entry.getEventType(), entry.getSummary(),
                    act.toldBy(), act.through());
        }
    }

    record Entry(String eventId, Instant occurredAt, Instant recordedAt, String agency, String practitioner,
                 String eventType, String summary, String correlationId) {
        static Entry of(ChronologyEntry entry) {
            return new Entry(entry.getEventId(), entry.getOccurredAt(), entry.getRecordedAt(), entry.getAgency(),
                    entry.getPractitioner(), entry.getEventType(), entry.getSummary(), entry.getCorrelationId());
        }
    }
}
