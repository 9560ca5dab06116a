package org.safeguarding.backbone.chronology.timeline.web;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import org.safeguarding.backbone.chronology.timeline.integration.ChronologyRebuild;
import org.safeguarding.backbone.chronology.timeline.integration.ChronologyRebuild.Progress;
import org.safeguarding.backbone.chronology.timeline.integration.ChronologyRebuild.Stage;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The operator's command to rebuild a projection of this service from the log ({@code ./run rebuild chronology}):
 * started, then followed. For operators only (security: {@code /operator/**}); it shows counts, no child's data.
 */
@RestController
class RebuildController {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildController.class);
    /** The projections this service rebuilds, by name. */
    private static final String CHRONOLOGY = "chronology";

    private final ChronologyRebuild rebuild;

    RebuildController(ChronologyRebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/operator/rebuilds/{projection}")
    ResponseEntity<ProgressResponse> start(@PathVariable String projection, Principal operator,
                                           RequestedCorrelation correlation) {
        known(projection);
        LOG.info("{} started a rebuild of the {} from the log", operator.getName(), projection);
        Progress started = rebuild.start();
        return ResponseEntity.accepted().location(URI.create("/operator/rebuilds/" + projection))
                .body(ProgressResponse.of(projection, started));
    }

    @GetMapping("/operator/rebuilds/{projection}")
    ProgressResponse progress(@PathVariable String projection) {
        known(projection);
        return ProgressResponse.of(projection, rebuild.progress());
    }

    private static void known(String projection) {
        if (!CHRONOLOGY.equals(projection)) {
            throw new UnknownProjection(projection);
        }
    }

    /** A projection this service does not have. */
    static final class UnknownProjection extends RuleViolation {
        UnknownProjection(String projection) {
            super(Kind.NOT_FOUND, "unknown-projection", "This service has no projection named '" + projection
                    + "'; it rebuilds: " + CHRONOLOGY + ".", "projection");
        }
    }

    /**
     * @param done        records read from the log so far, of {@code total}
     * @param skipped     records that are not acts (the live chronology dead-lettered them too)
     * @param secondsLeft at the rate so far; null until it can be told
     */
    record ProgressResponse(String projection, Stage stage, long done, long total, long skipped, double perSecond,
                            Long secondsLeft, Instant startedAt, Instant endedAt, String problem) {
        static ProgressResponse of(String projection, Progress progress) {
            return new ProgressResponse(projection, progress.stage(), progress.done(), progress.total(),
                    progress.skipped(), Math.round(progress.perSecond() * 10) / 10.0,
                    progress.left() == null ? null : progress.left().toSeconds(), progress.startedAt(),
                    progress.endedAt(), progress.problem());
        }
    }
}
