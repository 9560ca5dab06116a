package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code ./run}, as a second terminal uses it while a backbone runs: the script itself, in a checkout of
 * its own whose Maven wrapper and {@code java} only note that they were called ({@code java} starting the backbone
 * keeps running, as the launcher does). A second start is refused; a command for the running backbone never rebuilds
 * the jars it runs from; two builds at once are one.
 */
class RunScriptTest {

    private static final List<String> JARS = List.of(
            "infra/launcher/target/backbone-launcher-0.1.0-SNAPSHOT-exec.jar",
            "services/referrals/target/backbone-referrals-0.1.0-SNAPSHOT-exec.jar",
            "services/feedback/target/backbone-feedback-0.1.0-SNAPSHOT-exec.jar",
            "services/transitions/target/backbone-transitions-0.1.0-SNAPSHOT-exec.jar",
            "services/chronology/target/backbone-chronology-0.1.0-SNAPSHOT-exec.jar",
            "infra/schema-registry/target/backbone-schema-registry-0.1.0-SNAPSHOT-runner.jar");

    @TempDir Path checkout;
    @TempDir Path bin;
    private Path calls;
    private final List<Process> started = new ArrayList<>();

    @BeforeEach
    void aCheckoutBuiltOnce() throws IOException {
        Files.copy(repoRoot().resolve("run"), checkout.resolve("run"));
        executable(checkout.resolve("run"));
        calls = checkout.resolve("calls.log");
        Files.writeString(checkout.resolve("pom.xml"), "<project/>");
        for (String dir : List.of("schemas", "platform", "services", "infra")) {
            Files.createDirectories(checkout.resolve(dir));
        }
        Files.writeString(checkout.resolve("services/Source.java"), "class Source {}");
        for (String jar : JARS) {
            Files.createDirectories(checkout.resolve(jar).getParent());
            Files.writeString(checkout.resolve(jar), "jar");
        }
        sourcesOlderThanTheJars();
        // the wrapper builds slowly, as Maven does, and makes the jars anew
        script(checkout.resolve("mvnw"), "echo \"mvnw $*\" >> " + calls + "\nsleep 2\n"
                + JARS.stream().map(jar -> "touch " + jar).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n");
        // java: the launcher; starting the backbone (nothing after the jar), it runs until stopped, holding what the
        // script handed it, as the launcher does; a command is done at once. Each call's arguments are noted first
        script(bin.resolve("java"), "echo \"$*\" >> " + checkout.resolve("java-arguments.log") + "\n"
                + "last=\"${*: -1}\"\necho \"java $last\" >> " + calls + "\n"
                + "case \"$last\" in *.jar) exec sleep 60 ;; esac\n");
    }

    @AfterEach
    void stopWhatWasStarted() {
        started.forEach(Process::destroyForcibly);
    }

    @Test
    void aSecondStart_whileABackboneStartedHereRuns_isRefused_andBuildsNothing() throws Exception {
        Process first = start();
        awaitCalled("java ");

        sourcesChanged();
        Result second = run();

        assertThat(second.exit()).isEqualTo(1);
        assertThat(second.err()).contains("A backbone started with ./run from this checkout is running already");
        assertThat(calls()).as("neither built nor started again").containsExactly("java " + launcherJar());
        assertThat(first.isAlive()).isTrue();
    }

    /** Issue 11: the backbone's own JVM (the broker) compiles with C1 only, as its services do. */
    @Test
    void theBackbonesOwnJvm_compilesWithC1Only() throws Exception {
        start();
        awaitCalled("java ");

        assertThat(Files.readAllLines(checkout.resolve("java-arguments.log")))
                .singleElement().asString().startsWith("-XX:TieredStopAtLevel=1 ").endsWith(" -jar " + launcherJar());
    }

    @Test
    void aCommandForTheRunningBackbone_neverRebuildsTheJarsItRunsFrom() throws Exception {
        start();
        awaitCalled("java ");

        sourcesChanged();
        Result status = run("status");

        assertThat(status.exit()).isZero();
        assertThat(status.err()).contains("it is not rebuilt under it");
        assertThat(calls()).containsExactly("java " + launcherJar(), "java status");
    }

    @Test
    void withNothingRunning_changedCodeIsBuiltFirst_andTwoAtOnceBuildOnce() throws Exception {
        sourcesChanged();
        Process one = runInBackground("status");
        Process other = runInBackground("status");
        assertThat(one.waitFor(60, TimeUnit.SECONDS) && other.waitFor(60, TimeUnit.SECONDS)).isTrue();

        assertThat(one.exitValue()).isZero();
        assertThat(other.exitValue()).isZero();
        assertThat(calls()).containsExactly("mvnw -B -q -DskipTests package", "java status", "java status");
    }

    @Test
    void onceTheBackboneHasStopped_itStartsAgain() throws Exception {
        Process first = start();
        awaitCalled("java ");
        first.destroy();
        assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();

        start();
        await().atMost(Duration.ofSeconds(10)).until(() -> calls().size() == 2);
        assertThat(calls()).containsExactly("java " + launcherJar(), "java " + launcherJar());
    }

    private record Result(int exit, String err) {
    }

    private Process start() throws IOException {
        return runInBackground();
    }

    private Result run(String... args) throws Exception {
        Process process = runInBackground(args);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(process.exitValue(), new String(process.getErrorStream().readAllBytes(),
                StandardCharsets.UTF_8));
    }

    private Process runInBackground(String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of("./run"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(checkout.toFile());
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        started.add(process);
        return process;
    }

    private void awaitCalled(String prefix) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> calls().stream().anyMatch(line -> line.startsWith(prefix)));
    }

    private List<String> calls() throws IOException {
        return Files.exists(calls) ? Files.readAllLines(calls) : List.of();
    }

    private String launcherJar() {
        return JARS.get(0);
    }

    /** Built an hour ago, from sources two hours old. */
    private void sourcesOlderThanTheJars() throws IOException {
        for (String jar : JARS) {
            Files.setLastModifiedTime(checkout.resolve(jar), FileTime.from(Instant.now().minusSeconds(3600)));
        }
        FileTime older = FileTime.from(Instant.now().minusSeconds(7200));
        Files.setLastModifiedTime(checkout.resolve("pom.xml"), older);
        Files.setLastModifiedTime(checkout.resolve("services/Source.java"), older);
    }

    /** A source changed since the build (half an hour ago: a build now is newer than it). */
    private void sourcesChanged() throws IOException {
        Files.setLastModifiedTime(checkout.resolve("services/Source.java"),
                FileTime.from(Instant.now().minusSeconds(1800)));
    }

    private static void script(Path path, String body) throws IOException {
        Files.createDirectories(path.getParent());
        Files.writeString(path, "#!/usr/bin/env bash\n" + body);
        executable(path);
    }

    private static void executable(Path path) throws IOException {
        Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static Path repoRoot() {
        Path here = Path.of("").toAbsolutePath();
        while (!Files.exists(here.resolve("run"))) {
            here = here.getParent();
        }
        return here;
    }
}
