package org.safeguarding.backbone.web.rebuild;

import java.net.URI;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.safeguarding.backbone.kernel.rebuild.Rebuild;
import org.safeguarding.backbone.kernel.rebuild.RebuildProgress;
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
 * The operator's command to rebuild a projection of this service from the log ({@code ./run rebuild PROJECTION}):
 * started, then followed. For operators only (security: {@code /operator/**}); it shows counts, no child's data.
 */
@RestController
public class RebuildController {

    private static final Logger LOG = LoggerFactory.getLogger(RebuildController.class);

    private final Map<String, Rebuild> rebuilds = new TreeMap<>();

    public RebuildController(List<Rebuild> rebuilds) {
        rebuilds.forEach(rebuild -> this.rebuilds.put(rebuild.projection(), rebuild));
    }

    @GetMapping("/operator/rebuilds")
    Map<String, ProgressResponse> all() {
        Map<String, ProgressResponse> all = new TreeMap<>();
        rebuilds.forEach((name, rebuild) -> all.put(name, ProgressResponse.of(name, rebuild.progress())));
        return all;
    }

    @PostMapping("/operator/rebuilds/{projection}")
    ResponseEntity<ProgressResponse> start(@PathVariable String projection, Principal operator,
                                           RequestedCorrelation correlation) {
        Rebuild rebuild = known(projection);
        LOG.info("{} started a rebuild of the {} from the log", operator.getName(), projection);
        RebuildProgress started = rebuild.start();
        return ResponseEntity.accepted().location(URI.create("/operator/rebuilds/" + projection))
                .body(ProgressResponse.of(projection, started));
    }

    @GetMapping("/operator/rebuilds/{projection}")
    ProgressResponse progress(@PathVariable String projection) {
        return ProgressResponse.of(projection, known(projection).progress());
    }

    private Rebuild known(String projection) {
        Rebuild rebuild = rebuilds.get(projection);
        if (rebuild == null) {
            throw new UnknownProjection(projection, String.join(", ", rebuilds.keySet()));
        }
        return rebuild;
    }

    /** A projection this service does not have. */
    static final class UnknownProjection extends RuleViolation {
        UnknownProjection(String projection, String known) {
            super(Kind.NOT_FOUND, "unknown-projection", "This service has no projection named '" + projection
                    + "'; it rebuilds: " + (known.isEmpty() ? "none" : known) + ".", "projection");
        }
    }

    /**
     * @param done        events or records read from the log so far, of {@code total}
     * @param skipped     records that are not acts (the live projection refused them too)
     * @param secondsLeft at the rate so far; null until it can be told
     */
    public record ProgressResponse(String projection, RebuildProgress.Stage stage, long done, long total,
                                   long skipped, double perSecond, Long secondsLeft, Instant startedAt,
                                   Instant endedAt, String problem) {
        static ProgressResponse of(String projection, RebuildProgress progress) {
            return new ProgressResponse(projection, progress.stage(), progress.done(), progress.total(),
                    progress.skipped(), Math.round(progress.perSecond() * 10) / 10.0,
                    progress.left() == null ? null : progress.left().toSeconds(), progress.startedAt(),
                    progress.endedAt(), progress.problem());
        }
    }
}
