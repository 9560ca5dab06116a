package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * {@code ./run status}: one line saying whether the backbone is running and how each of its processes is. The
 * running launcher keeps {@code <data>/run/status.tsv} current (each process, its pid, where its health is read,
 * whether the supervisor is restarting it, how many times it has); this command reads it and asks each process for
 * its health now. Exit code 0: all up; 1: something is not; 3: the backbone is not running.
 */
final class StatusCommand {

    static final int ALL_UP = 0;
    static final int SOMETHING_DOWN = 1;
    static final int NOT_RUNNING = 3;

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private StatusCommand() {
    }

    static Path file(Path dataDir) {
        return dataDir.resolve("run").resolve("status.tsv");
    }

    /** Written by the launcher whenever something changes; replaced in one move, so a reader never sees half. */
    static void write(Path dataDir, long launcherPid, Instant startedAt, String kafka,
                      List<Supervisor.Status> processes) {
        StringBuilder out = new StringBuilder();
        out.append("launcher\t").append(launcherPid).append('\t').append(startedAt).append('\n');
        out.append("kafka\t").append(launcherPid).append('\t').append(kafka).append("\tRUNNING\t0\t-\n");
        for (Supervisor.Status process : processes) {
            out.append(process.name()).append('\t').append(process.pid()).append('\t').append(process.healthUrl())
                    .append('\t').append(process.state()).append('\t').append(process.restarts()).append('\t')
                    .append(process.log()).append('\n');
        }
        try {
            Path file = file(dataDir);
            Files.createDirectories(file.getParent());
            Path next = file.resolveSibling("status.tsv.next");
            Files.writeString(next, out);
            Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the status file under " + dataDir, e);
        }
    }

    /** Prints the line; returns the exit code. */
    static int run(Path dataDir, PrintStream out) {
        Path file = file(dataDir);
        List<String[]> rows = new ArrayList<>();
        try {
            if (Files.isRegularFile(file)) {
                Files.readAllLines(file).forEach(line -> rows.add(line.split("\t", -1)));
            }
        } catch (IOException e) {
            out.println("backbone: status unknown (" + file + " could not be read: " + e.getMessage() + ")");
            return SOMETHING_DOWN;
        }
        if (rows.isEmpty() || !rows.get(0)[0].equals("launcher")) {
            out.println("backbone: NOT RUNNING (it has not been started with the data in " + dataDir + ")");
            return NOT_RUNNING;
        }
        long launcher = Long.parseLong(rows.get(0)[1]);
        if (!alive(launcher)) {
            out.println("backbone: NOT RUNNING (its launcher, pid " + launcher + ", has ended)");
            return NOT_RUNNING;
        }
        Duration up = Duration.between(Instant.parse(rows.get(0)[2]), Instant.now());
        StringBuilder line = new StringBuilder(String.format("backbone: RUNNING (launcher pid %d, up %d:%02d:%02d)",
                launcher, up.toHours(), up.toMinutesPart(), up.toSecondsPart()));
        boolean allUp = true;
        for (String[] row : rows.subList(1, rows.size())) {
            String health = health(row);
            allUp &= health.equals("UP");
            line.append(" | ").append(row[0]).append(' ').append(health);
            int restarts = Integer.parseInt(row[4]);
            if (!row[0].equals("kafka")) {
                line.append(" (pid ").append(row[1]);
                if (restarts > 0) {
                    line.append(", restarted ").append(restarts).append(restarts == 1 ? " time" : " times");
                }
                line.append(')');
            }
        }
        out.println(line);
        return allUp ? ALL_UP : SOMETHING_DOWN;
    }

    /** UP, DOWN (running but not healthy, or gone), RESTARTING, GAVE UP, or for Kafka, DEGRADED. */
    private static String health(String[] row) {
        String state = row[3];
        if (state.equals(Supervisor.State.RESTARTING.name())) {
            return "RESTARTING";
        }
        if (state.equals(Supervisor.State.GAVE_UP.name())) {
            return "GAVE UP";
        }
        if (row[0].equals("kafka")) {
            // one broker, or a cluster's (comma-separated): a cluster with some down still serves
            String[] brokers = row[2].split(",");
            long up = Stream.of(brokers).filter(StatusCommand::reachable).count();
            return up == brokers.length ? "UP" : up == 0 ? "DOWN"
                    : "DEGRADED (" + up + " of " + brokers.length + " brokers up)";
        }
        return alive(Long.parseLong(row[1])) && healthy(row[2]) ? "UP" : "DOWN";
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static boolean healthy(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(3)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static boolean reachable(String hostAndPort) {
        int colon = hostAndPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostAndPort.substring(0, colon),
                    Integer.parseInt(hostAndPort.substring(colon + 1))), 2000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
