package org.safeguarding.backbone.launcher;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.safeguarding.backbone.localinfra.ChildProcesses;

/**
 * A class-data archive (the JVM's CDS) of the libraries every service holds ({@link SharedClasses}), mapped by the
 * four service JVMs so that the metadata of those classes is in memory once, not four times (ADR 0018).
 *
 * <p>The archive is made from what the services load: a start without one runs each service with
 * {@code -XX:DumpLoadedClassList}, and once they are all up, {@link #makeInBackground} dumps the archive from those
 * lists (a JVM of its own, at the lowest priority) for the next start. Every start after that maps it. An archive
 * the JVM cannot use (another JDK, a jar changed under it) is not an error: the JVM says so in the service's log and
 * loads the classes itself, as without one.
 */
final class ClassDataArchive {

    /** A class name as the JVM writes it in a class list ({@code java/lang/Object}); other lines are left out. */
    private static final Pattern CLASS_NAME = Pattern.compile("[A-Za-z0-9_$/]+");

    private final SharedClasses classes;
    private final String run = Long.toString(ProcessHandle.current().pid());
    private volatile Process dump;

    ClassDataArchive(SharedClasses classes) {
        this.classes = classes;
    }

    Path archive() {
        return classes.home().resolve("services.jsa");
    }

    boolean ready() {
        return Files.isRegularFile(archive());
    }

    /** The JVM options a service starts with: map the archive, or, with none yet, write what it loads. */
    List<String> options(String service) {
        if (ready()) {
            // mapped where it was made (the JVM's SharedBaseAddress), not at a random address: moved, every page of
            // it is rewritten in each JVM and nothing is shared (Debian's JDK 17 moves it by default); mapped at a
            // fixed address, ASLR no longer hides where these classes are, accepted for the local default
            return List.of("-XX:SharedArchiveFile=" + archive(), "-Xshare:auto",
                    "-XX:+UnlockDiagnosticVMOptions", "-XX:ArchiveRelocationMode=0");
        }
        return List.of("-XX:DumpLoadedClassList=" + classList(service));
    }

    /** Where this run's dump writes the archive, moved into place ({@link #archive}) once whole. */
    private Path made() {
        return classes.home().resolve("services." + run + ".jsa");
    }

    private Path classList(String service) {
        return classes.home().resolve(service + "." + run + ".classlist");
    }

    /**
     * With no archive yet, makes it from the class lists the services wrote in this run, without waiting: a JVM at
     * the lowest priority, its output in {@code dump.log} beside the archive. Does nothing when there is one.
     */
    void makeInBackground(PrintStream terminal) {
        if (ready()) {
            return;
        }
        Path list = classes.home().resolve("services." + run + ".classlist");
        Path made = made();
        Path log = classes.home().resolve("dump.log");
        try {
            Files.write(list, loadedClasses(), StandardCharsets.UTF_8);
            List<String> command = new ArrayList<>();
            if (Files.isExecutable(Path.of("/usr/bin/nice"))) {
                command.addAll(List.of("/usr/bin/nice", "-n", "19"));
            }
            command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xshare:dump", "-XX:SharedClassListFile=" + list, "-XX:SharedArchiveFile=" + made,
                    "-cp", classes.commonJars().stream().map(Path::toString)
                            .collect(Collectors.joining(File.pathSeparator))));
            dump = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(log.toFile())).start();
        } catch (IOException e) {
            terminal.println("The services' shared class data could not be prepared (" + e.getMessage()
                    + "); they run without it.");
            return;
        }
        terminal.println("Preparing the services' shared class data in the background, for their next start"
                + " (once; its log: " + log + ").");
        Process started = dump;
        started.onExit().thenAccept(ended -> {
            try {
                if (ended.exitValue() == 0 && Files.isRegularFile(made)) {
                    Files.move(made, archive(), StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                // another launcher's archive took its place first, or the directory went: the next start tries again
            } finally {
                deleteQuietly(made);
                deleteQuietly(list);
                for (String service : classes.services()) {
                    deleteQuietly(classList(service));
                }
            }
        });
    }

    /** Stops a dump still running (the backbone stopping); the next start without an archive tries again. */
    void stop() {
        Process running = dump;
        if (running != null) {
            ChildProcesses.stop(running, 5);
        }
    }

    /** Waits for a dump begun here to end (for tests and benchmarks); true when there is an archive then. */
    boolean awaitReady(long seconds) throws InterruptedException {
        Process running = dump;
        if (running != null && running.waitFor(seconds, TimeUnit.SECONDS)) {
            running.onExit().join();
            // the move into place runs after the exit, on the process's completion
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (!ready() && Files.exists(made())
                    && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
        }
        return ready();
    }

    /**
     * Every class the services of this run loaded (every complete line of their lists) that the archive can hold:
     * the JDK's and the common libraries'; once each, sorted.
     */
    private List<String> loadedClasses() throws IOException {
        Set<String> common = new HashSet<>();
        for (Path jar : classes.commonJars()) {
            try (ZipFile file = new ZipFile(jar.toFile())) {
                file.stream().map(ZipEntry::getName).filter(name -> name.endsWith(".class"))
                        .forEach(name -> common.add(name.substring(0, name.length() - ".class".length())));
            }
        }
        ClassLoader jdk = ClassLoader.getPlatformClassLoader();
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(classes.home())) {
            for (Path file : files.filter(each -> each.getFileName().toString().endsWith("." + run + ".classlist"))
                    .toList()) {
                String text = Files.readString(file, StandardCharsets.UTF_8);
                // the last line may be half written: the services are running
                int end = text.lastIndexOf('\n');
                for (String line : text.substring(0, Math.max(end, 0)).split("\n")) {
                    if (CLASS_NAME.matcher(line).matches()
                            && (common.contains(line) || jdk.getResource(line + ".class") != null)) {
                        names.add(line);
                    }
                }
            }
        }
        return List.copyOf(names);
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException | UncheckedIOException e) {
            // left under target/: the next clean removes it
        }
    }
}
