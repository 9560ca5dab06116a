package org.safeguarding.backbone.chronology.timeline.web;

import static org.safeguarding.backbone.messaging.publish.Envelopes.BACKBONE;

import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.safeguarding.backbone.chronology.timeline.query.ActKinds;
import org.safeguarding.backbone.chronology.timeline.query.ChildKnowledge;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyEntry;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyQueries.ChildChronology;
import org.safeguarding.backbone.chronology.timeline.query.ReadBasis;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.safeguarding.backbone.web.validation.NhsNumber;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The reviewers' timeline page (issue 8): a child's multi-agency timeline in agency lanes, filtered by agency and kind
 * of act, with the "as known at" view for one agency and time, pattern flags marked, the access log for those entitled
 * to it, and a CSV export a review panel can file. Rendered on the server from the same reads as the API, with the
 * same authentication and need-to-know rule; every view of it is recorded as a read.
 */
@Controller
@Validated
class TimelinePage {

    private final ChronologyQueries chronology;
    private final ChildKnowledge knowledge;
    private final KnownAgencies knownAgencies;

    TimelinePage(ChronologyQueries chronology, ChildKnowledge knowledge, KnownAgencies knownAgencies) {
        this.chronology = chronology;
        this.knowledge = knowledge;
        this.knownAgencies = knownAgencies;
    }

    /** What the page shows, after the filters. */
    record Timeline(String childId, ReadBasis readAs, String area, Set<String> leadAgencies, List<String> lanes,
                    List<Row> rows, Set<String> agencies, Set<String> askable, Set<String> kinds,
                    List<String> chosenAgencies, List<String> chosenKinds, String knownBy, Instant asKnownAt,
                    String review, List<ChronologyQueries.Access> accessLog) {
    }

    /** One act: in its agency's lane; for the "as known at" view, when the agency was told, by whom, through what. */
    record Row(ChronologyEntry entry, boolean pattern, Instant knownFrom, String toldBy, String through) {
    }

    @GetMapping("/reviewer/children/{nhsNumber}/timeline")
    String page(@PathVariable @NhsNumber String nhsNumber,
                @RequestParam(required = false) @Size(max = 100) String review,
                @RequestParam(name = "agency", required = false) List<@Size(max = 100) String> agencies,
                @RequestParam(name = "kind", required = false) List<@Size(max = 100) String> kinds,
                @RequestParam(required = false) @Size(max = 100) String knownBy,
                @RequestParam(required = false) Instant asKnownAt,
                Principal principal, Model model) {
        model.addAttribute("timeline", timeline(nhsNumber, CallingAgency.of(principal), review, agencies, kinds,
                knownBy, asKnownAt));
        return "timeline";
    }

    /** The same timeline, as a CSV file for the review panel's records. */
    @GetMapping("/reviewer/children/{nhsNumber}/timeline.csv")
    ResponseEntity<String> csv(@PathVariable @NhsNumber String nhsNumber,
                               @RequestParam(required = false) @Size(max = 100) String review,
                               @RequestParam(name = "agency", required = false) List<@Size(max = 100) String> agencies,
                               @RequestParam(name = "kind", required = false) List<@Size(max = 100) String> kinds,
                               @RequestParam(required = false) @Size(max = 100) String knownBy,
                               @RequestParam(required = false) Instant asKnownAt,
                               Principal principal) {
        Timeline timeline = timeline(nhsNumber, CallingAgency.of(principal), review, agencies, kinds, knownBy,
                asKnownAt);
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"child-" + nhsNumber
                        + "-timeline.csv\"")
                .body(TimelineCsv.of(timeline));
    }

    private Timeline timeline(String childId, String caller, String review, List<String> agencies,
                              List<String> kinds, String knownBy, Instant asKnownAt) {
        boolean asKnown = knownBy != null && asKnownAt != null;
        List<String> chosenAgencies = agencies == null ? List.of() : List.copyOf(agencies);
        List<String> chosenKinds = kinds == null ? List.of() : List.copyOf(kinds);
        // a name the backbone does not know (a slip: school_a, Referral) would read as an agency that was told
        // nothing, or did nothing, or as acts that never happened: refused before anything is read or recorded
        if (asKnown) {
            knownAgencies.require("knownBy", knownBy);
        }
        chosenAgencies.stream().filter(agency -> !BACKBONE.equals(agency))
                .forEach(agency -> knownAgencies.require("agency", agency));
        ActKinds.require("kind", chosenKinds);
        ChildChronology read = chronology.forChild(childId, caller, review);
        List<Row> rows = new ArrayList<>();
        if (asKnown) {
            knowledge.asKnownAt(childId, caller, knownBy, asKnownAt, review).acts().forEach(act ->
                    rows.add(new Row(act.entry(), isPattern(act.entry()), act.knownFrom(), act.toldBy(),
                            act.through())));
        } else {
            read.entries().forEach(entry -> rows.add(new Row(entry, isPattern(entry), null, null, null)));
        }
        Set<String> allAgencies = new TreeSet<>();
        read.involvement().forEach(involved -> allAgencies.add(involved.agency()));
        rows.forEach(row -> allAgencies.add(row.entry().getAgency()));
        // "as known at" is asked of an agency: not of the backbone, whose lane holds the patterns it found
        Set<String> askable = new TreeSet<>(allAgencies);
        askable.removeIf(agency -> !knownAgencies.isKnown(agency));
        Set<String> allKinds = new TreeSet<>();
        rows.forEach(row -> allKinds.add(row.entry().getEventType()));
        List<Row> shown = rows.stream()
                .filter(row -> chosenAgencies.isEmpty() || chosenAgencies.contains(row.entry().getAgency()))
                .filter(row -> chosenKinds.isEmpty() || chosenKinds.contains(row.entry().getEventType()))
                .toList();
        Set<String> lanes = new LinkedHashSet<>();
        shown.forEach(row -> lanes.add(row.entry().getAgency()));
        List<ChronologyQueries.Access> accessLog = read.readAs() == ReadBasis.PARTY ? null
                : chronology.accessLog(childId, caller, review);
        return new Timeline(childId, read.readAs(), read.area(), read.leadAgencies(), List.copyOf(lanes), shown,
                allAgencies, askable, allKinds, chosenAgencies, chosenKinds, knownBy, asKnownAt, review, accessLog);
    }

    private static boolean isPattern(ChronologyEntry entry) {
        return "PatternDetected".equals(entry.getEventType());
    }
}
