package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StatusCommandTest {

    private static String run(Path data, int[] exit) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        exit[0] = StatusCommand.run(data, new PrintStream(out, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8).strip();
    }

    @Test
    void oneLine_withTheHealthOfEachProcessNow(@TempDir Path data) throws Exception {
        HttpServer healthy = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        healthy.createContext("/actuator/health", exchange -> {
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        healthy.start();
        String health = "http://127.0.0.1:" + healthy.getAddress().getPort() + "/actuator/health";
        long me = ProcessHandle.current().pid();
        try {
            StatusCommand.write(data, me, Instant.now().minusSeconds(65),
                    "127.0.0.1:" + healthy.getAddress().getPort(), List.of(
                            new Supervisor.Status("referrals", me, health, Supervisor.State.RUNNING, 0, "r.log"),
                            new Supervisor.Status("feedback", me, health, Supervisor.State.RESTARTING, 2, "f.log"),
                            new Supervisor.Status("chronology", me, "http://127.0.0.1:1/actuator/health",
                                    Supervisor.State.RUNNING, 1, "c.log")));
            int[] exit = new int[1];

            String line = run(data, exit);

            assertThat(line).matches("backbone: RUNNING \\(launcher pid " + me + ", up 0:01:0\\d\\) \\| kafka UP "
                    + "\\| referrals UP \\(pid " + me + "\\) \\| feedback RESTARTING \\(pid " + me
                    + ", restarted 2 times\\) \\| chronology DOWN \\(pid " + me + ", restarted 1 time\\)");
            assertThat(exit[0]).isEqualTo(StatusCommand.SOMETHING_DOWN);

            StatusCommand.write(data, me, Instant.now(), "127.0.0.1:" + healthy.getAddress().getPort(), List.of(
                    new Supervisor.Status("referrals", me, health, Supervisor.State.RUNNING, 0, "r.log")));
            run(data, exit);
            assertThat(exit[0]).isEqualTo(StatusCommand.ALL_UP);
        } finally {
            healthy.stop(0);
        }
    }

    @Test
    void aKafkaClusterWithABrokerDown_isDegraded(@TempDir Path data) throws Exception {
        try (ServerSocket one = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
             ServerSocket two = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            long me = ProcessHandle.current().pid();
            String up = "127.0.0.1:" + one.getLocalPort() + ",127.0.0.1:" + two.getLocalPort();
            int[] exit = new int[1];
            StatusCommand.write(data, me, Instant.now(), up, List.of());
            assertThat(run(data, exit)).endsWith("| kafka UP");
            assertThat(exit[0]).isEqualTo(StatusCommand.ALL_UP);

            StatusCommand.write(data, me, Instant.now(), up + ",127.0.0.1:1", List.of());
            assertThat(run(data, exit)).endsWith("| kafka DEGRADED (2 of 3 brokers up)");
            assertThat(exit[0]).isEqualTo(StatusCommand.SOMETHING_DOWN);

            StatusCommand.write(data, me, Instant.now(), "127.0.0.1:1,127.0.0.1:2", List.of());
            assertThat(run(data, exit)).endsWith("| kafka DOWN");
        }
    }

    @Test
    void notRunning_whenNeverStartedHere_orItsLauncherHasEnded(@TempDir Path data) throws Exception {
        int[] exit = new int[1];
        assertThat(run(data, exit)).startsWith("backbone: NOT RUNNING (it has not been started");
        assertThat(exit[0]).isEqualTo(StatusCommand.NOT_RUNNING);

        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        StatusCommand.write(data, ended.pid(), Instant.now(), "127.0.0.1:1", List.of());
        assertThat(run(data, exit)).isEqualTo("backbone: NOT RUNNING (its launcher, pid " + ended.pid()
                + ", has ended)");
        assertThat(exit[0]).isEqualTo(StatusCommand.NOT_RUNNING);
        assertThat(Files.exists(StatusCommand.file(data))).isTrue();
    }
}
