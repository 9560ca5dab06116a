package org.safeguarding.backbone.chronology.timeline.web;

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
import org.springframework.web.bind.annotation.RestController;

/** A child's multi-agency chronology over HTTP, as much of it as the calling agency needs to know. */
@RestController
class ChronologyController {

    private final ChronologyQueries chronology;

    ChronologyController(ChronologyQueries chronology) {
        this.chronology = chronology;
    }

    @GetMapping("/api/children/{nhsNumber}/chronology")
    ChronologyResponse chronology(@PathVariable @NhsNumber String nhsNumber, Principal principal) {
        return ChronologyResponse.of(chronology.forChild(nhsNumber, CallingAgency.of(principal)));
    }

    /**
     * @param readAs       why the caller reads what it reads: {@code PARTY} (the acts it was party to) or
     *                     {@code LEAD_AGENCY} (every act)
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

    record Entry(String eventId, Instant occurredAt, Instant recordedAt, String agency, String eventType,
                 String summary, String correlationId) {
        static Entry of(ChronologyEntry entry) {
            return new Entry(entry.getEventId(), entry.getOccurredAt(), entry.getRecordedAt(), entry.getAgency(),
                    entry.getEventType(), entry.getSummary(), entry.getCorrelationId());
        }
    }
}
