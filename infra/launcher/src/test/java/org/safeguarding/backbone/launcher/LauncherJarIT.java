package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher as ./run starts it: its packaged jar, in a JVM of its own, on nothing but the jar's classpath. (The
 * end-to-end test runs the launcher in the test's JVM, on the test classpath, which can hide a class the jar lacks.)
 */
class LauncherJarIT {

    @Test
    void thePackagedLauncherPrintsTheKafkaAccessPlan_fromItsOwnClasspath() throws Exception {
        String output = runJar(List.of("-jar", jar().toString(), "--kafka-access"), 0);
        assertThat(output)
                .contains("--create --if-not-exists --topic safeguarding.referrals.events.v1 ")
                .contains("--allow-principal User:school-a --operation Read --topic safeguarding.feed.school-a.v1")
                .contains("--allow-principal User:referrals --operation Read --topic safeguarding.inbound.school-a.v1");
    }

    /**
     * A Kafka node of {@code ./run --brokers=3} runs from the same jar in a JVM of its own, through Spring Boot's
     * PropertiesLauncher (ChildJvm): its main class is found there.
     */
    @Test
    void theJarRunsAKafkaNodeInAJvmOfItsOwn() throws Exception {
        String output = runJar(List.of("-cp", jar().toString(),
                "-Dloader.main=org.safeguarding.backbone.localinfra.KafkaNode",
                "org.springframework.boot.loader.launch.PropertiesLauncher"), 2);
        assertThat(output).contains("usage: KafkaNode SERVER_PROPERTIES PARENT_PID");
    }

    /** A data directory kept from one broker, run with three: refused in a sentence, not a stack trace. */
    @Test
    void aDataDirectoryOfOneBroker_runWithThree_isRefusedInWords(@TempDir Path data) throws Exception {
        Files.createDirectories(data.resolve("kafka"));
        String output = runJar(List.of("-jar", jar().toString(), "--data-dir=" + data, "--brokers=3"), 1);
        assertThat(output).startsWith("The backbone could not start: " + data + " holds the data of a backbone run "
                + "on one Kafka broker").doesNotContain("Exception");
    }

    private static Path repoRoot() {
        return Path.of(System.getProperty("backbone.repo-root", "../..")).toAbsolutePath().normalize();
    }

    private static Path jar() {
        return repoRoot().resolve("infra/launcher/target/backbone-launcher-" + Version.current() + "-exec.jar");
    }

    private static String runJar(List<String> arguments, int expectedExit) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbackbone.repo-root=" + repoRoot()));
        command.addAll(arguments);
        Commands.Run run = Commands.run(command, null, Map.of(), Duration.ofSeconds(60));
        assertThat(run.exitCode()).as(run.output()).isEqualTo(expectedExit);
        return run.output();
    }
}
