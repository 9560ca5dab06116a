package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.safeguarding.backbone.localinfra.ChildProcesses;

/** One service's Spring Boot jar running as a child JVM, its output in a log file; started again the same way. */
final class ServiceProcess implements Supervised {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final int port;
    private final Path log;
    private final List<String> command;
    private volatile Process process;

    private ServiceProcess(String name, int port, Path log, List<String> command) {
        this.name = name;
        this.port = port;
        this.log = log;
        this.command = List.copyOf(command);
    }

    static ServiceProcess start(String name, Path jar, int port, Path log, List<String> arguments) {
        return start(name, jar, port, log, "384m", arguments);
    }

    /** @param maxHeap the JVM's {@code -Xmx}, e.g. {@code 384m} */
    static ServiceProcess start(String name, Path jar, int port, Path log, String maxHeap, List<String> arguments) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The " + name + " service jar " + jar + " does not exist. "
                    + "Build it first: ./mvnw -DskipTests package");
        }
        return start(name, List.of("-jar", jar.toString()), port, log, maxHeap, arguments);
    }

    /**
     * A service from its libraries laid out beside the others' ({@link SharedClasses}), with {@code options} for the
     * JVM (its class-data archive: {@link ClassDataArchive#options}).
     */
    static ServiceProcess start(String name, SharedClasses classes, List<String> options, int port, Path log,
                                List<String> arguments) {
        List<String> run = new ArrayList<>(options);
        run.addAll(List.of("-cp", classes.classPath(name), classes.mainClass(name)));
        return start(name, run, port, log, "384m", arguments);
    }

    private static ServiceProcess start(String name, List<String> run, int port, Path log, String maxHeap,
                                        List<String> arguments) {
        // C1 only: measured on 2 cores (docs/benchmarks.md, "Load"), four services compiling with C2 as well took
        // twice as long to be ready and accepted half the shares in the minutes a run lasts (again on 2026-11-27,
        // warmed up by 600 shares first: ready in 48 s not 26, 50 shares a second not 82); a deployment (one
        // service a container, infra/deploy/Dockerfile) keeps the JVM's default, C2 included
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms64m", "-Xmx" + maxHeap, "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        command.addAll(run);
        command.add("--server.port=" + port);
        command.addAll(arguments);
        ServiceProcess service = new ServiceProcess(name, port, log, command);
        service.restart();
        return service;
    }

    /** Starts the JVM (again), appending to the same log. */
    @Override
    public void restart() {
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new IllegalStateException("could not start the " + name + " service", e);
        }
    }

    /** Waits until the service reports itself healthy, or fails naming its log. */
    @Override
    public void awaitHealthy(Duration timeout) {
        Process process = this.process;
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the " + name + " service exited with " + process.exitValue()
                        + "; see " + log + ". Its last lines:\n" + lastLines(40));
            }
            if (healthy()) {
                return;
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + name, e);
            }
        }
        throw new IllegalStateException("the " + name + " service was not healthy within " + timeout.toSeconds()
                + " s; see " + log + ". Its last lines:\n" + lastLines(40));
    }

    /** The end of the service's log, so that a failure to start says why without the log at hand (e.g. on CI). */
    private String lastLines(int count) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(the log could not be read: " + e.getMessage() + ")";
        }
    }

    @Override
    public boolean healthy() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/actuator/health"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("\"UP\"");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Asks the service to stop (SIGTERM: Spring shuts down gracefully), and insists after a while. */
    void stop() {
        ChildProcesses.stop(process, 30);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String url() {
        return "http://127.0.0.1:" + port;
    }

    @Override
    public Process process() {
        return process;
    }

    @Override
    public Path log() {
        return log;
    }
}
