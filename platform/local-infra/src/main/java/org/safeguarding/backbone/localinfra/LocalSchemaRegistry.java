package org.safeguarding.backbone.localinfra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Apicurio schema registry (infra/schema-registry) as a child process on 127.0.0.1. It stores its schemas in an
 * H2 file when given a data directory (the embedded default) or in memory (tests), enforces BACKWARD compatibility
 * for every artifact, and exits by itself when the process that started it ends.
 */
public final class LocalSchemaRegistry implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalSchemaRegistry.class);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** System property naming the registry's runner jar; the build sets it for every test JVM. */
    public static final String JAR_PROPERTY = "backbone.registry.jar";

    private final Process process;
    private final String url;

    private LocalSchemaRegistry(Process process, String url) {
        this.process = process;
        this.url = url;
    }

    /** A registry with its schemas in memory on a free port: for tests. */
    public static LocalSchemaRegistry startTemporary() {
        return start(runnerJar(), null, FreePorts.next(), null);
    }

    /**
     * Starts the registry from {@code jar} on {@code port}, keeping schemas under {@code dataDir} (in memory when
     * null) and its output in {@code logFile} (discarded when null), and returns once it is ready.
     */
    public static LocalSchemaRegistry start(Path jar, Path dataDir, int port, Path logFile) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("The schema registry jar " + jar + " does not exist. Build it first: "
                    + "./mvnw -pl infra/schema-registry package");
        }
        String url = "http://127.0.0.1:" + port;
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:+UseSerialGC",
                "-Dbackbone.parent-pid=" + ProcessHandle.current().pid(),
                // Narayana otherwise derives its process id by opening a socket on a random port
                "-DCoreEnvironmentBean.processImplementationClassName="
                        + "com.arjuna.ats.internal.arjuna.utils.UuidProcessId",
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + port,
                "-Dquarkus.datasource.jdbc.initial-size=1",
                "-Dquarkus.datasource.jdbc.min-size=1",
                "-Dquarkus.datasource.jdbc.max-size=8"));
        if (dataDir != null) {
            command.add("-Dquarkus.datasource.jdbc.url=jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("registry"));
        }
        command.addAll(List.of("-jar", jar.toString()));
        long started = System.nanoTime();
        try {
            if (dataDir != null) {
                Files.createDirectories(dataDir);
            }
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (logFile != null) {
                Files.createDirectories(logFile.toAbsolutePath().getParent());
                builder.redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
            } else {
                builder.redirectOutput(ProcessBuilder.Redirect.DISCARD);
            }
            Process process = builder.start();
            LocalSchemaRegistry registry = new LocalSchemaRegistry(process, url);
            registry.awaitReady(logFile);
            registry.requireBackwardCompatibility();
            LOG.info("Schema registry ready at {} (pid {}, {} ms)", url, process.pid(),
                    (System.nanoTime() - started) / 1_000_000);
            return registry;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the schema registry from " + jar, e);
        }
    }

    /** The registry jar named by the {@value #JAR_PROPERTY} system property. */
    public static Path runnerJar() {
        String jar = System.getProperty(JAR_PROPERTY);
        if (jar == null) {
            throw new IllegalStateException("System property " + JAR_PROPERTY + " is not set: it names the runner jar "
                    + "built by infra/schema-registry (the Maven build sets it for tests)");
        }
        return Path.of(jar);
    }

    private void awaitReady(Path logFile) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the schema registry exited with " + process.exitValue()
                        + (logFile == null ? "" : "; see " + logFile));
            }
            if (get("/health/ready") == 200) {
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        close();
        throw new IllegalStateException("the schema registry at " + url + " did not become ready"
                + (logFile == null ? "" : "; see " + logFile));
    }

    /** A global rule: a schema change that existing consumers could not read is refused by the registry. */
    private void requireBackwardCompatibility() {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/apis/registry/v2/admin/rules"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            // 409: the rule is already there (a registry started again on its own data)
            if (response.statusCode() != 204 && response.statusCode() != 409) {
                throw new IllegalStateException("could not set the BACKWARD compatibility rule: "
                        + response.statusCode() + " " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("could not reach the schema registry at " + url, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private int get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** The registry's base URL, e.g. {@code http://127.0.0.1:18081}. */
    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** The registry's process, e.g. to learn when it exits ({@link Process#onExit()}). */
    public Process process() {
        return process;
    }

    /** True when the registry answers that it is ready. */
    public boolean ready() {
        return get("/health/ready") == 200;
    }

    @Override
    public void close() {
        if (!process.isAlive()) {
            return;
        }
        ChildProcesses.stop(process, 20);
        LOG.info("Schema registry at {} stopped", url);
    }
}
