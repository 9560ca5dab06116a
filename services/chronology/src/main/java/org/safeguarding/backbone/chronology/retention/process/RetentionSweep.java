package org.safeguarding.backbone.chronology.retention.process;

import static org.safeguarding.backbone.messaging.publish.Envelopes.BACKBONE;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.chronology.retention.api.RetentionCommands.EraseChildContent;
import org.safeguarding.backbone.chronology.retention.command.ChildRecords;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Erasure at the end of retention (R18): every {@code backbone.retention.sweep-every} (a day) the chronology, which
 * holds every act about every child, finds the children whose records are all past their period
 * ({@link RetentionRule}) and not erased since their last act, and orders each erased, as an operator would
 * ({@code ChildContentErased}, ordered by {@code backbone}); a child under a legal hold is left for a later sweep,
 * once released. Counts only in its log, never a child.
 */
public class RetentionSweep {

    private static final Logger LOG = LoggerFactory.getLogger(RetentionSweep.class);
    /** Children looked up at once in the key store. */
    private static final int BATCH = 500;

    private final RetentionSettings settings;
    private final RetentionRule rule;
    private final JdbcTemplate jdbc;
    private final Function<Collection<String>, Map<String, ChildKeys.Erased>> erasures;
    private final CommandGateway commands;
    private final Clock clock;

    /** @param erasures the last erasure of each child erased ({@link ChildKeys#lastErasures}) */
    public RetentionSweep(RetentionSettings settings, RetentionRule rule, JdbcTemplate jdbc,
                          Function<Collection<String>, Map<String, ChildKeys.Erased>> erasures,
                          CommandGateway commands, Clock clock) {
        this.settings = settings;
        this.rule = rule;
        this.jdbc = jdbc;
        this.erasures = erasures;
        this.commands = commands;
        this.clock = clock;
    }

    /** What one sweep did. */
    public record Swept(int ordered, int held) {
    }

    @Scheduled(fixedDelayString = "${backbone.retention.sweep-every:1d}",
            initialDelayString = "${backbone.retention.first-sweep-after:10m}")
    void scheduled() {
        if (settings.enabled()) {
            Swept swept = sweep(clock.instant());
            LOG.info("retention sweep: {} children's records ordered erased, {} past their period but held",
                    swept.ordered(), swept.held());
        }
    }

    /** Orders the erasure of every child whose records are past their period at {@code now}. */
    public Swept sweep(Instant now) {
        Map<String, Map<String, Instant>> lastActs = new HashMap<>();
        jdbc.query("select child_id, agency, max(recorded_at) from chronology_entry where child_id in "
                        + "(select child_id from chronology_entry group by child_id having max(recorded_at) <= ?) "
                        + "group by child_id, agency",
                (java.sql.ResultSet row) -> {
                    lastActs.computeIfAbsent(row.getString(1), child -> new HashMap<>())
                            .put(row.getString(2), row.getObject(3, OffsetDateTime.class).toInstant());
                }, rule.noneDueAfter(now).atOffset(ZoneOffset.UTC));
        List<String> due = new ArrayList<>();
        lastActs.forEach((child, byAgency) -> {
            if (rule.isDue(byAgency, now)) {
                due.add(child);
            }
        });
        int ordered = 0;
        int held = 0;
        for (int from = 0; from < due.size(); from += BATCH) {
            List<String> batch = due.subList(from, Math.min(due.size(), from + BATCH));
            Map<String, ChildKeys.Erased> erased = erasures.apply(batch);
            for (String child : batch) {
                Instant lastAct = Collections.max(lastActs.get(child).values());
                ChildKeys.Erased before = erased.get(child);
                if (before != null && !before.erasedAt().isBefore(lastAct)) {
                    continue;
                }
                try {
                    CorrelatedCommands.sendAndWait(commands, new EraseChildContent(child, UUID.randomUUID().toString(),
                            BACKBONE, "retention ended: the last act about the child was recorded on "
                                    + LocalDate.ofInstant(lastAct, ZoneOffset.UTC), now),
                            Correlation.startedBy(null));
                    ordered++;
                } catch (ChildRecords.UnderLegalHold e) {
                    held++;
                }
            }
        }
        return new Swept(ordered, held);
    }
}
