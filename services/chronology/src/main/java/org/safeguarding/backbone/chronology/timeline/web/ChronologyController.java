package org.safeguarding.backbone.chronology.timeline.web;

import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyEntry;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.validation.NhsNumber;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** A child's multi-agency chronology over HTTP. */
@RestController
class ChronologyController {

    private final ChronologyQueries chronology;

    ChronologyController(ChronologyQueries chronology) {
        this.chronology = chronology;
    }

    @GetMapping("/api/children/{nhsNumber}/chronology")
    ChronologyResponse chronology(@PathVariable @NhsNumber String nhsNumber, Principal principal) {
        return new ChronologyResponse(nhsNumber, chronology.forChild(nhsNumber, CallingAgency.of(principal)).stream()
                .map(Entry::of).toList());
    }

    record ChronologyResponse(String childId, List<Entry> entries) {
    }

    record Entry(String eventId, Instant occurredAt, Instant recordedAt, String agency, String eventType,
                 String summary, String correlationId) {
        static Entry of(ChronologyEntry entry) {
            return new Entry(entry.getEventId(), entry.getOccurredAt(), entry.getRecordedAt(), entry.getAgency(),
                    entry.getEventType(), entry.getSummary(), entry.getCorrelationId());
        }
    }
}
