package org.safeguarding.backbone.chronology.timeline.web;

import java.util.ArrayList;
import java.util.List;
import org.safeguarding.backbone.chronology.timeline.web.TimelinePage.Row;
import org.safeguarding.backbone.chronology.timeline.web.TimelinePage.Timeline;

/**
 * A timeline as CSV (RFC 4180): one act a line, in the order they happened. A field a spreadsheet would take for a
 * formula (starting with =, +, - or @) is written with a leading apostrophe, so opening the file runs nothing.
 */
final class TimelineCsv {

    private TimelineCsv() {
    }

    static String of(Timeline timeline) {
        StringBuilder csv = new StringBuilder();
        boolean known = timeline.knownBy() != null && timeline.asKnownAt() != null;
        List<String> header = new ArrayList<>(List.of("child", "occurredAt", "recordedAt", "agency", "practitioner",
                "eventType", "pattern", "summary", "correlationId", "eventId"));
        if (known) {
            header.addAll(List.of("knownBy", "asKnownAt", "knownFrom", "toldBy", "through"));
        }
        line(csv, header);
        for (Row row : timeline.rows()) {
            List<String> fields = new ArrayList<>(List.of(timeline.childId(),
                    String.valueOf(row.entry().getOccurredAt()), String.valueOf(row.entry().getRecordedAt()),
                    row.entry().getAgency(), nullable(row.entry().getPractitioner()), row.entry().getEventType(),
                    row.pattern() ? "yes" : "", row.entry().getSummary(), nullable(row.entry().getCorrelationId()),
                    row.entry().getEventId()));
            if (known) {
                fields.addAll(List.of(timeline.knownBy(), String.valueOf(timeline.asKnownAt()),
                        String.valueOf(row.knownFrom()), nullable(row.toldBy()), nullable(row.through())));
            }
            line(csv, fields);
        }
        return csv.toString();
    }

    private static String nullable(String value) {
        return value == null ? "" : value;
    }

    private static void line(StringBuilder csv, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                csv.append(',');
            }
            csv.append(field(fields.get(i)));
        }
        csv.append("\r\n");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return '"' + safe.replace("\"", "\"\"") + '"';
    }
}
