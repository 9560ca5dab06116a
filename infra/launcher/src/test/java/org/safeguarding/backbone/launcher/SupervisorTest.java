package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The supervisor with real child processes (a shell), which it starts again when they die. */
class SupervisorTest {

    private static final Supervisor.Policy QUICK = new Supervisor.Policy(Duration.ofMillis(50),
            Duration.ofMillis(200), 3, Duration.ofMinutes(1), Duration.ofSeconds(10));

    /** A child that runs {@code script} in a shell each time it is started; healthy while it runs. */
    private static final class Shell implements Supervised {
        private final String name;
        private final String script;
        private final Path log;
        private volatile Process process;
        private volatile int starts;

        Shell(String name, String script, Path log) {
            this.name = name;
            this.script = script;
            this.log = log;
            restart();
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public Process process() {
            return process;
        }

        @Override
        public Path log() {
            return log;
        }

        @Override
        public String url() {
            return "http://127.0.0.1:1";
        }

        @Override
        public void restart() {
            try {
                process = new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
                starts++;
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void awaitHealthy(Duration timeout) {
            try {
                if (process.waitFor(200, TimeUnit.MILLISECONDS)) {
                    throw new IllegalStateException(name + " exited with " + process.exitValue());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public boolean healthy() {
            return process.isAlive();
        }
    }

    @Test
    void aProcessKilledIsReportedAndStartedAgain(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        Shell child = new Shell("referrals", "sleep 600", dir.resolve("referrals.log"));
        long firstPid = child.process().pid();
        try (Supervisor supervisor = new Supervisor(QUICK, new PrintStream(terminal, true, StandardCharsets.UTF_8),
                () -> { }, () -> { }, Clock.systemUTC())) {
            supervisor.watch(child);

            child.process().destroyForcibly();

            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                List<Supervisor.Status> status = supervisor.status();
                assertThat(status).singleElement().satisfies(s -> {
                    assertThat(s.state()).isEqualTo(Supervisor.State.RUNNING);
                    assertThat(s.restarts()).isEqualTo(1);
                    assertThat(s.pid()).isNotEqualTo(firstPid);
                });
            });
            assertThat(child.process().isAlive()).isTrue();
            String said = terminal.toString(StandardCharsets.UTF_8);
            assertThat(said).contains("The referrals service stopped unexpectedly (pid " + firstPid
                            + ", killed by signal 9 (SIGKILL), exit code 137). Its log: " + child.log())
                    .contains("Starting it again in 0 s (restart 1; after 3 in 1 min the backbone stops)")
                    .contains("The referrals service is running again (pid " + child.process().pid());
        } finally {
            child.process().destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessThatKeepsDying_isGivenUpOn_andTheBackboneStopped(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream terminal = new ByteArrayOutputStream();
        CountDownLatch gaveUp = new CountDownLatch(1);
        Shell child = new Shell("chronology", "sleep 0.3; exit 3", dir.resolve("chronology.log"));
        try (Supervisor supervisor = new Supervisor(QUICK, new PrintStream(terminal, true, StandardCharsets.UTF_8),
                gaveUp::countDown, () -> { }, Clock.systemUTC())) {
            supervisor.watch(child);

            assertThat(gaveUp.await(20, TimeUnit.SECONDS)).as("gave up").isTrue();
            assertThat(child.starts).as("started once, then again three times").isEqualTo(4);
            assertThat(supervisor.status()).singleElement()
                    .satisfies(s -> assertThat(s.state()).isEqualTo(Supervisor.State.GAVE_UP));
            String said = terminal.toString(StandardCharsets.UTF_8);
            assertThat(said).contains("The chronology service stopped unexpectedly (pid ").contains("exit code 3)")
                    .contains("Starting it again in 0 s (restart 3;")
                    .contains("has stopped 4 times in 1 min: giving up and stopping the backbone. Find out why in "
                            + "its log, " + dir.resolve("chronology.log"));
        }
    }

    @Test
    void thePauseDoublesUpToItsLimit() {
        Supervisor supervisor = new Supervisor(Supervisor.Policy.defaults(), System.out, () -> { }, () -> { },
                Clock.systemUTC());
        assertThat(List.of(1, 2, 3, 4, 5, 6, 50).stream().map(supervisor::pauseBefore).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 16L, 30L, 30L);
        assertThat(Supervisor.howItEnded(143)).isEqualTo("killed by signal 15 (SIGTERM), exit code 143");
        assertThat(Supervisor.howItEnded(1)).isEqualTo("exit code 1");
        supervisor.close();
    }

    @Test
    void theTerminalIsToldTheTimeToTheSecond_onTheHourToo() {
        assertThat(Supervisor.stamp(LocalTime.of(22, 0))).isEqualTo("[22:00:00]");
        assertThat(Supervisor.stamp(LocalTime.of(9, 5, 7, 999_000_000))).isEqualTo("[09:05:07]");
    }
}
