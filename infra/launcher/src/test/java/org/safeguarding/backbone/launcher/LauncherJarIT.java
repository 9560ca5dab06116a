package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The launcher as ./run starts it: its packaged jar, in a JVM of its own, on nothing but the jar's classpath. (The
 * end-to-end test runs the launcher in the test's JVM, on the test classpath, which can hide a class the jar lacks.)
 */
class LauncherJarIT {

    @Test
    void thePackagedLauncherPrintsTheKafkaAccessPlan_fromItsOwnClasspath() throws Exception {
        Path repoRoot = Path.of(System.getProperty("backbone.repo-root", "../..")).toAbsolutePath().normalize();
        Path jar = repoRoot.resolve("infra/launcher/target/backbone-launcher-" + Version.current() + "-exec.jar");
        Process launcher = new ProcessBuilder(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbackbone.repo-root=" + repoRoot, "-jar", jar.toString(), "--kafka-access"))
                .redirectErrorStream(true).start();
        try {
            String output = new String(launcher.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(launcher.waitFor(60, TimeUnit.SECONDS)).isTrue();
            assertThat(launcher.exitValue()).as(output).isZero();
            assertThat(output)
                    .contains("--create --if-not-exists --topic safeguarding.referrals.events.v1 ")
                    .contains("--allow-principal User:school-a --operation Read --topic safeguarding.feed.school-a.v1")
                    .contains("--allow-principal User:referrals --operation Read --topic "
                            + "safeguarding.inbound.school-a.v1");
        } finally {
            launcher.destroyForcibly();
        }
    }
}
