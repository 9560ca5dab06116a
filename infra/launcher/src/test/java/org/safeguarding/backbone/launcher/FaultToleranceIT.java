package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.testsupport.PostgresDatabase;

/**
 * Issue 12: under a sustained load of shares and their acknowledgements, each service is killed with SIGKILL in turn
 * at a random moment, then the schema registry, then the broker is stopped and started again, then every service
 * loses its database connections; the supervisor restarts what was killed. The services keep their stores on
 * PostgreSQL (skipped, saying so, where none answers at 127.0.0.1:5432). Then, exactly: every share accepted (201) is in its recipient's inbox, on Kafka and in
 * the chronology once, its feedback owed once per recipient, every accepted acknowledgement recorded once; no share
 * recorded that was not accepted. The clients do what an agency system should: send each request under its own
 * {@code Idempotency-Key} and send it again until it is answered. Bounded: at least {@code -Dfaults.shares} (120 by
 * default; 10,000 for the full run the issue asks for), and on until the last fault is recovered from; each wait.
 * On demand: {@code ./mvnw -o verify -pl infra/launcher -Dit.test=FaultToleranceIT -Dfaults=true -Dfaults.shares=60}.
 */
@EnabledIfSystemProperty(named = "faults", matches = "true",
        disabledReason = "on demand (-Dfaults=true): 4 to 5 minutes even at 120 shares, more than the build's time "
                + "allows on 2 cores; passed with 10,000 (docs/reliability.md)")
class FaultToleranceIT {

    private static final int SHARES = Integer.getInteger("faults.shares", 120);
    private static final int CLIENTS = 4;
    private static final List<String> FAULTS = List.of("referrals", "feedback", "transitions", "chronology",
            "registry", "broker", "database");

    @Test
    void underLoad_eachServiceKilled_theRegistryKilled_theBrokerRestarted_nothingAcceptedIsLostOrDuplicated(
            @TempDir Path data) throws Exception {
        // each service on a PostgreSQL schema of its own: the production store (the embedded default's H2 keeps a
        // commit in memory for up to half a second, so a kill can take a commit already answered; docs/reliability.md)
        LocalBackbone.Settings settings = TestBackbones.onFreePorts(data)
                .withServiceArguments(TestBackbones.servicesOnPostgres("faults"));
        List<String> children = ShareLoad.children("999200", 24);
        Random random = new Random(Long.getLong("faults.seed", System.nanoTime()));
        try (LocalBackbone backbone = LocalBackbone.start(settings)) {
            AtomicBoolean faultsDone = new AtomicBoolean();
            // at least SHARES, and on until every fault has been made and recovered from, however many that takes
            // (bounded in time by each fault's own limits below: a run of 1,000 with at most 4,000 ran out of load
            // while a restart under it took a minute and a half, and ended before the faults did)
            ShareLoad load = ShareLoad.start(backbone, children, CLIENTS, SHARES, Integer.MAX_VALUE, Duration.ZERO,
                    () -> !faultsDone.get());
            // the faults in turn, each at a random moment (one to eight seconds into the load, or after the last
            // was recovered from), the load going on meanwhile
            Map<String, Long> recovery = new LinkedHashMap<>();
            for (String fault : FAULTS) {
                long at = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(1000 + random.nextInt(7000));
                await().atMost(Duration.ofSeconds(10)).until(() -> System.nanoTime() >= at || load.anyEnded());
                if (load.anyEnded()) {
                    // a client has finished early or failed: its exception, if any, is the test's answer
                    break;
                }
                long begun = System.nanoTime();
                if (fault.equals("broker")) {
                    backbone.restartBroker();
                } else if (fault.equals("database")) {
                    // every service loses its database connections at once; the pools open new ones
                    for (String service : LocalBackbone.SERVICES) {
                        PostgresDatabase.terminateConnections("faults-" + service);
                    }
                } else {
                    long pid = backbone.status().stream().filter(s -> s.name().equals(fault)).findFirst()
                            .orElseThrow().pid();
                    ProcessHandle.of(pid).orElseThrow().destroyForcibly();
                    await().atMost(Duration.ofSeconds(10)).until(() -> backbone.status().stream()
                            .anyMatch(s -> s.name().equals(fault) && s.pid() != pid));
                }
                await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(250)).until(() ->
                        backbone.status().stream().allMatch(s -> s.state() == Supervisor.State.RUNNING));
                recovery.put(fault, (System.nanoTime() - begun) / 1_000_000);
            }
            faultsDone.set(true);
            load.awaitEnd(Duration.ofMinutes(30));
            load.close();
            System.out.println("Faults and the time to recover from each (ms): " + recovery);
            assertThat(recovery).containsOnlyKeys(FAULTS);
            System.out.println(load.acceptedCount() + " shares accepted and acknowledged under the faults");
            assertThat(load.acceptedCount()).isGreaterThanOrEqualTo(SHARES);
            load.assertEveryAcceptedShareOnceEverywhere(backbone);
        }
    }
}
