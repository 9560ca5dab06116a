package org.safeguarding.backbone.chronology.timeline.web;

import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyEntry;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries.ChildChronology;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries.Involvement;
import org.safeguarding.backbone.chronology.timeline.query.ReadBasis;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.validation.NhsNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A child's multi-agency chronology over HTTP, as much of it as the calling agency needs to know. */
@RestController
class ChronologyController {

    private final ChronologyQueries chronology;

    ChronologyController(ChronologyQueries chronology) {
        this.chronology = chronology;
    }

    /** With {@code review}: read under that open review (the reviewer only). */
    @GetMapping("/api/children/{nhsNumber}/chronology")
    ChronologyResponse chronology(@PathVariable @NhsNumber String nhsNumber,
                                  @RequestParam(required = false) @Size(max = 100) String review,
                                  Principal principal) {
        return ChronologyResponse.of(chronology.forChild(nhsNumber, CallingAgency.of(principal), review));
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

    record Entry(String eventId, Instant occurredAt, Instant recordedAt, String agency, String practitioner,
                 String eventType, String summary, String correlationId) {
        static Entry of(ChronologyEntry entry) {
            return new Entry(entry.getEventId(), entry.getOccurredAt(), entry.getRecordedAt(), entry.getAgency(),
                    entry.getPractitioner(), entry.getEventType(), entry.getSummary(), entry.getCorrelationId());
        }
    }
}
