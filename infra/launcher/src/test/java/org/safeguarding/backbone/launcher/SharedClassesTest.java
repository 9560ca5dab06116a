package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The services' libraries laid out so that their JVMs share the ones they have in common (ADR 0018). */
class SharedClassesTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private Map<String, Path> twoServices() throws Exception {
        Map<String, Path> jars = new LinkedHashMap<>();
        jars.put("alpha", new BootJars()
                .library("common-b.jar", bytes("b"))
                .library("common-a.jar", bytes("a"))
                .library("alpha-only.jar", bytes("alpha"))
                .library("same-name.jar", bytes("alpha's build"))
                .resource("application.yml", "alpha: true")
                .startClass("org.example.Alpha")
                .writeTo(dir.resolve("jars/alpha.jar")));
        jars.put("beta", new BootJars()
                .library("common-a.jar", bytes("a"))
                .library("same-name.jar", bytes("beta's build"))
                .library("common-b.jar", bytes("b"))
                .library("beta-only.jar", bytes("beta"))
                .resource("application.yml", "beta: true")
                .startClass("org.example.Beta")
                .writeTo(dir.resolve("jars/beta.jar")));
        return jars;
    }

    @Test
    void theLibrariesEveryServiceHoldsByteForByte_comeFirst_inOneOrder_thenEachServicesOwn() throws Exception {
        SharedClasses classes = SharedClasses.prepare(dir.resolve("shared"), twoServices());

        // common: in both, the same bytes, in the first service's order; same-name.jar differs, so is each one's own
        assertThat(classes.commonJars()).extracting(jar -> jar.getFileName().toString())
                .containsExactly("common-b.jar", "common-a.jar");
        assertThat(classes.commonJars()).allSatisfy(jar -> assertThat(jar).isRegularFile());
        assertThat(Files.readString(classes.commonJars().get(1))).isEqualTo("a");

        List<String> alpha = List.of(classes.classPath("alpha").split(File.pathSeparator));
        assertThat(alpha).containsExactly(
                classes.commonJars().get(0).toString(), classes.commonJars().get(1).toString(),
                classes.home().resolve("alpha/classes").toString(),
                classes.home().resolve("alpha/lib/alpha-only.jar").toString(),
                classes.home().resolve("alpha/lib/same-name.jar").toString());
        List<String> beta = List.of(classes.classPath("beta").split(File.pathSeparator));
        assertThat(beta.subList(0, 2)).isEqualTo(alpha.subList(0, 2));
        assertThat(beta.subList(2, beta.size())).containsExactly(
                classes.home().resolve("beta/classes").toString(),
                classes.home().resolve("beta/lib/same-name.jar").toString(),
                classes.home().resolve("beta/lib/beta-only.jar").toString());
        assertThat(Files.readString(classes.home().resolve("alpha/lib/same-name.jar"))).isEqualTo("alpha's build");
        assertThat(Files.readString(classes.home().resolve("beta/lib/same-name.jar"))).isEqualTo("beta's build");
        assertThat(Files.readString(classes.home().resolve("beta/classes/application.yml"))).isEqualTo("beta: true");

        assertThat(classes.mainClass("alpha")).isEqualTo("org.example.Alpha");
        assertThat(classes.mainClass("beta")).isEqualTo("org.example.Beta");
        assertThat(classes.services()).containsExactlyInAnyOrder("alpha", "beta");
    }

    @Test
    void theSameJars_findTheLayoutMadeBefore_andAJarBuiltAgain_getsANewOne() throws Exception {
        Map<String, Path> jars = twoServices();
        SharedClasses first = SharedClasses.prepare(dir.resolve("shared"), jars);
        Path marker = first.home().resolve("alpha/classes/application.yml");
        Files.writeString(marker, "left as it was");

        SharedClasses again = SharedClasses.prepare(dir.resolve("shared"), jars);
        assertThat(again.home()).isEqualTo(first.home());
        assertThat(Files.readString(marker)).as("not laid out again").isEqualTo("left as it was");

        new BootJars().library("common-a.jar", bytes("a, changed")).library("common-b.jar", bytes("b"))
                .startClass("org.example.Beta").writeTo(jars.get("beta"));
        Files.setLastModifiedTime(jars.get("beta"), FileTime.from(Instant.now().plusSeconds(5)));
        SharedClasses rebuilt = SharedClasses.prepare(dir.resolve("shared"), jars);
        assertThat(rebuilt.home()).isNotEqualTo(first.home());
        assertThat(rebuilt.commonJars()).extracting(jar -> jar.getFileName().toString())
                .containsExactly("common-b.jar");
        assertThat(first.home()).as("used a moment ago: kept").isDirectory();
    }

    @Test
    void aLayoutNotUsedForAnHour_isRemovedWhenAnotherIsMade() throws Exception {
        Map<String, Path> jars = twoServices();
        SharedClasses old = SharedClasses.prepare(dir.resolve("shared"), jars);
        Files.setLastModifiedTime(old.home().resolve("used"),
                FileTime.from(Instant.now().minus(Duration.ofMinutes(61))));
        Path halfMade = Files.createDirectories(dir.resolve("shared/0123.making-1"));
        Files.setLastModifiedTime(halfMade, FileTime.from(Instant.now().minus(Duration.ofHours(2))));

        Files.setLastModifiedTime(jars.get("alpha"), FileTime.from(Instant.now().plusSeconds(5)));
        SharedClasses made = SharedClasses.prepare(dir.resolve("shared"), jars);

        assertThat(made.home()).isDirectory();
        assertThat(old.home()).doesNotExist();
        assertThat(halfMade).doesNotExist();
    }

    @Test
    void aJarThatIsNotASpringBootJar_isRefusedSayingWhich() throws Exception {
        Map<String, Path> jars = twoServices();
        Path plain = new BootJars().library("common-a.jar", bytes("a")).startClass(null)
                .writeTo(dir.resolve("jars/plain.jar"));
        jars.put("plain", plain);

        assertThatThrownBy(() -> SharedClasses.prepare(dir.resolve("shared"), jars))
                .hasMessageContaining("plain.jar is not a Spring Boot jar");
        try (var left = Files.list(dir.resolve("shared"))) {
            assertThat(left.toList()).as("nothing half made left in its place").isEmpty();
        }
    }
}
