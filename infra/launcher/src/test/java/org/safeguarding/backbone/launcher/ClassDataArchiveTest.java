package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The class-data archive the services share, made by the JDK from what they loaded and mapped by a JVM started as
 * the launcher starts a service (ADR 0018): a real {@code -Xshare:dump}, then a JVM that must map it.
 */
class ClassDataArchiveTest {

    @TempDir
    Path dir;

    private static Path jarOf(Class<?> type) throws Exception {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void theClassesTheServicesLoaded_fromTheCommonLibraries_areArchived_andMappedByEveryService() throws Exception {
        Path awaitility = jarOf(Awaitility.class);
        Map<String, Path> jars = new LinkedHashMap<>();
        for (String service : List.of("alpha", "beta")) {
            jars.put(service, new BootJars().library("awaitility.jar", awaitility)
                    .library(service + "-own.jar", ("only " + service).getBytes(StandardCharsets.UTF_8))
                    .startClass("org.example.App").writeTo(dir.resolve(service + ".jar")));
        }
        SharedClasses classes = SharedClasses.prepare(dir.resolve("shared"), jars);
        ClassDataArchive archive = new ClassDataArchive(classes);

        // no archive yet: each service writes what it loads
        assertThat(archive.ready()).isFalse();
        String option = archive.options("alpha").get(0);
        assertThat(option).startsWith("-XX:DumpLoadedClassList=");
        // what two services loaded: JDK classes, the common library's, a service's own (not archivable), and the
        // last line of a list still being written
        Files.writeString(Path.of(option.substring(option.indexOf('=') + 1)),
                "# a comment\njava/lang/Object\norg/awaitility/Awaitility\norg/example/App\norg/awaiti");
        String beta = archive.options("beta").get(0);
        Files.writeString(Path.of(beta.substring(beta.indexOf('=') + 1)),
                "java/lang/String\norg/awaitility/core/ConditionTimeoutException\n@lambda-proxy half a line\n");

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        archive.makeInBackground(new PrintStream(said, true, StandardCharsets.UTF_8));
        assertThat(said.toString(StandardCharsets.UTF_8)).contains("Preparing the services' shared class data");
        assertThat(archive.awaitReady(180)).as("the archive made; its log: %s",
                Files.exists(classes.home().resolve("dump.log"))
                        ? Files.readString(classes.home().resolve("dump.log")) : "none").isTrue();
        Awaitility.await().atMost(java.time.Duration.ofSeconds(10)).untilAsserted(() -> {
            try (var left = Files.list(classes.home())) {
                assertThat(left.map(path -> path.getFileName().toString()))
                        .as("the class lists go once the archive is made").noneMatch(name -> name.endsWith(".classlist"));
            }
        });

        // a service started with the archive (as the launcher starts one, its own libraries after the common ones)
        // maps it: -Xshare:on makes a JVM that cannot map it fail; the archive holds the library's classes
        List<String> options = archive.options("beta");
        // mapped where it was made: moved (Debian's JDK moves it by default), every page is rewritten in each JVM
        assertThat(options).contains("-XX:SharedArchiveFile=" + archive.archive(), "-XX:ArchiveRelocationMode=0");
        String output = java(options, classes.classPath("beta"));
        assertThat(output).contains("org.awaitility.Awaitility app_loader")
                .contains("org.awaitility.core.ConditionTimeoutException app_loader")
                .contains("java.lang.Object boot_loader")
                .doesNotContain("org.example.App");

        // a class path that does not begin with the common libraries cannot use it
        String elsewhere = java(options, dir.resolve("beta.jar").toString());
        assertThat(elsewhere).containsIgnoringCase("unable to use shared archive");
        assertThat(classes.classPath("alpha").split(File.pathSeparator)[0])
                .isEqualTo(classes.classPath("beta").split(File.pathSeparator)[0]);
    }

    @Test
    void withAnArchiveAlready_nothingIsDumpedAgain() throws Exception {
        Map<String, Path> jars = Map.of("alpha", new BootJars().library("awaitility.jar", jarOf(Awaitility.class))
                .writeTo(dir.resolve("alpha.jar")));
        SharedClasses classes = SharedClasses.prepare(dir.resolve("shared"), jars);
        ClassDataArchive archive = new ClassDataArchive(classes);
        Files.writeString(archive.archive(), "made by an earlier start");

        ByteArrayOutputStream said = new ByteArrayOutputStream();
        archive.makeInBackground(new PrintStream(said, true, StandardCharsets.UTF_8));

        assertThat(said.size()).isZero();
        assertThat(archive.options("alpha")).contains("-XX:SharedArchiveFile=" + archive.archive(), "-Xshare:auto");
        assertThat(Files.readString(archive.archive())).isEqualTo("made by an earlier start");
    }

    private static String java(List<String> options, String classPath) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(options.stream().map(option -> option.equals("-Xshare:auto") ? "-Xshare:on" : option).toList());
        command.addAll(List.of("-XX:+PrintSharedArchiveAndExit", "-cp", classPath));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        byte[] output = process.getInputStream().readAllBytes();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }
}
