package org.safeguarding.backbone.launcher;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The four services' libraries laid out once, so that the four JVMs of the embedded default share what they load
 * (docs/benchmarks.md, "The embedded default's memory, by what"; ADR 0018).
 *
 * <p>Each service's Spring Boot jar holds the same ~190 libraries; run with {@code -jar}, each JVM loads their classes
 * through Spring Boot's nested-jar class loader and keeps its own copy of their metadata (~170 MiB a service). Laid
 * out here, the libraries every service holds byte for byte come first on each service's class path, in one order,
 * from one directory; the service's own classes and libraries follow. A class-data archive of those common libraries
 * ({@link ClassDataArchive}) is then mapped by all four JVMs: one copy of the metadata in memory, not four.
 *
 * <p>The layout lives under {@code infra/launcher/target/shared-classes/<key>}, the key a digest of the services'
 * jars and of this JVM: a rebuilt jar or another JDK gets a new one, made beside and moved into place whole, so two
 * launchers never see half of one.
 */
final class SharedClasses {

    private static final String LIB = "BOOT-INF/lib/";
    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String INDEX = "BOOT-INF/classpath.idx";

    private final Path home;
    private final List<String> common;
    private final Map<String, Service> services;

    /** One service's class path after the common libraries, and the class its jar starts. */
    record Service(String mainClass, List<String> classPath) {
    }

    private SharedClasses(Path home, List<String> common, Map<String, Service> services) {
        this.home = home;
        this.common = List.copyOf(common);
        this.services = Map.copyOf(services);
    }

    /**
     * The layout of these services' jars under {@code root}, made now unless it is there already.
     *
     * @param jars each service's Spring Boot jar, by service name
     */
    static SharedClasses prepare(Path root, Map<String, Path> jars) {
        Path home = root.resolve(key(jars));
        if (!Files.isRegularFile(home.resolve("layout"))) {
            make(home, jars);
            removeUnused(root, home);
        }
        SharedClasses classes = read(home, jars.keySet());
        try {
            Files.writeString(home.resolve("used"), Instant.now().toString());
        } catch (IOException e) {
            throw new UncheckedIOException("could not mark " + home + " as in use", e);
        }
        return classes;
    }

    /**
     * Removes the layouts of earlier builds not started from for an hour (each is some hundreds of MiB): a backbone
     * running keeps its build (./run rebuilds nothing under it), and a service it starts again finds its own.
     */
    private static void removeUnused(Path root, Path keep) {
        Instant before = Instant.now().minus(Duration.ofHours(1));
        try (Stream<Path> layouts = Files.list(root)) {
            for (Path layout : layouts.filter(Files::isDirectory).filter(each -> !each.equals(keep)).toList()) {
                Path used = layout.resolve("used");
                Path marker = Files.exists(used) ? used : layout;
                if (Files.getLastModifiedTime(marker).toInstant().isBefore(before)) {
                    deleteQuietly(layout);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            // left under target/: the next clean removes it
        }
    }

    /** Where the layout is: the archive and the class lists it is made from live here too. */
    Path home() {
        return home;
    }

    /** The common libraries, in the order every service's class path begins with. */
    List<Path> commonJars() {
        return common.stream().map(name -> home.resolve("lib").resolve(name)).toList();
    }

    /** The class path a service runs with: the common libraries, then its own classes and libraries. */
    String classPath(String service) {
        List<String> entries = new ArrayList<>();
        commonJars().forEach(jar -> entries.add(jar.toString()));
        service(service).classPath().forEach(entry -> entries.add(home.resolve(service).resolve(entry).toString()));
        return String.join(File.pathSeparator, entries);
    }

    /** The services laid out. */
    Set<String> services() {
        return services.keySet();
    }

    /** The class a service's jar starts ({@code Start-Class}). */
    String mainClass(String service) {
        return service(service).mainClass();
    }

    private Service service(String service) {
        Service found = services.get(service);
        if (found == null) {
            throw new IllegalArgumentException("no service " + service + " in " + home);
        }
        return found;
    }

    private static String key(Map<String, Path> jars) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                Path path = jar.getValue().toAbsolutePath().normalize();
                digest.update((jar.getKey() + "=" + path + ";" + Files.size(path) + ";"
                        + Files.getLastModifiedTime(path).toMillis() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            digest.update((System.getProperty("java.home") + ";" + System.getProperty("java.vm.version"))
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A library as a service's jar holds it: its name, and what tells two copies apart without reading them. */
    private record Library(String name, long crc, long size) {
    }

    private static void make(Path home, Map<String, Path> jars) {
        Path beside = home.resolveSibling(home.getFileName() + ".making-" + ProcessHandle.current().pid());
        try {
            deleteQuietly(beside);
            Files.createDirectories(beside.resolve("lib"));
            Map<String, List<Library>> libraries = new LinkedHashMap<>();
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                libraries.put(jar.getKey(), libraries(jar.getValue()));
            }
            // common: held by every service, byte for byte (the same name, size and CRC), in the first one's order
            List<Library> common = new ArrayList<>(libraries.values().iterator().next());
            libraries.values().forEach(common::retainAll);
            Set<String> commonNames = new LinkedHashSet<>();
            common.forEach(library -> commonNames.add(library.name()));
            List<String> layout = new ArrayList<>();
            layout.add("common " + String.join(" ", commonNames));
            boolean first = true;
            for (Map.Entry<String, Path> jar : jars.entrySet()) {
                String service = jar.getKey();
                Path own = beside.resolve(service);
                List<String> classPath = new ArrayList<>();
                classPath.add("classes");
                try (JarFile file = new JarFile(jar.getValue().toFile())) {
                    for (ZipEntry entry : file.stream().toList()) {
                        String name = entry.getName();
                        if (entry.isDirectory()) {
                            continue;
                        }
                        if (name.startsWith(CLASSES)) {
                            copy(file, entry, own.resolve("classes").resolve(name.substring(CLASSES.length())));
                        } else if (name.startsWith(LIB)) {
                            String library = name.substring(LIB.length());
                            if (!commonNames.contains(library)) {
                                copy(file, entry, own.resolve("lib").resolve(library));
                            } else if (first) {
                                copy(file, entry, beside.resolve("lib").resolve(library));
                            }
                        }
                    }
                    for (Library library : libraries.get(service)) {
                        if (!commonNames.contains(library.name())) {
                            classPath.add("lib/" + library.name());
                        }
                    }
                    layout.add(service + " " + mainClass(file, jar.getValue()) + " " + String.join(" ", classPath));
                }
                first = false;
            }
            Files.write(beside.resolve("layout"), layout, StandardCharsets.UTF_8);
            try {
                Files.move(beside, home, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | DirectoryNotEmptyException e) {
                // another launcher made the same layout first: use that one
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not lay out the services' libraries under " + home, e);
        } finally {
            deleteQuietly(beside);
        }
    }

    /** A jar's libraries in its class path's order ({@code classpath.idx}; the entries' order where it has none). */
    private static List<Library> libraries(Path jar) throws IOException {
        try (ZipFile file = new ZipFile(jar.toFile())) {
            Map<String, Library> byName = new LinkedHashMap<>();
            for (ZipEntry entry : file.stream().toList()) {
                if (!entry.isDirectory() && entry.getName().startsWith(LIB)) {
                    String name = entry.getName().substring(LIB.length());
                    byName.put(name, new Library(name, entry.getCrc(), entry.getSize()));
                }
            }
            ZipEntry index = file.getEntry(INDEX);
            if (index == null) {
                return List.copyOf(byName.values());
            }
            List<Library> ordered = new ArrayList<>();
            try (InputStream in = file.getInputStream(index)) {
                for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                    // - "BOOT-INF/lib/name.jar"
                    String entry = line.trim().replaceFirst("^- ", "").replace("\"", "");
                    Library library = byName.remove(entry.startsWith(LIB) ? entry.substring(LIB.length()) : entry);
                    if (library != null) {
                        ordered.add(library);
                    }
                }
            }
            ordered.addAll(byName.values());
            return ordered;
        }
    }

    private static String mainClass(JarFile file, Path jar) throws IOException {
        Manifest manifest = file.getManifest();
        String start = manifest == null ? null : manifest.getMainAttributes().getValue("Start-Class");
        if (start == null) {
            throw new IllegalStateException(jar + " is not a Spring Boot jar: its manifest names no Start-Class");
        }
        return start;
    }

    private static void copy(ZipFile file, ZipEntry entry, Path to) throws IOException {
        Files.createDirectories(to.getParent());
        try (InputStream in = file.getInputStream(entry)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static SharedClasses read(Path home, Set<String> names) {
        try {
            List<String> common = List.of();
            Map<String, Service> services = new LinkedHashMap<>();
            for (String line : Files.readAllLines(home.resolve("layout"), StandardCharsets.UTF_8)) {
                List<String> words = List.of(line.split(" "));
                if (words.get(0).equals("common")) {
                    common = words.subList(1, words.size());
                } else {
                    services.put(words.get(0), new Service(words.get(1), words.subList(2, words.size())));
                }
            }
            if (!services.keySet().containsAll(names)) {
                throw new IllegalStateException(home + " lays out " + services.keySet() + ", not " + names);
            }
            return new SharedClasses(home, common, services);
        } catch (IOException e) {
            throw new UncheckedIOException("could not read the layout of the services' libraries in " + home, e);
        }
    }

    private static void deleteQuietly(Path path) {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> all = Files.walk(path)) {
            all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).forEach(each -> {
                try {
                    Files.deleteIfExists(each);
                } catch (IOException e) {
                    // left behind under target/: the next clean removes it
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // as above
        }
    }
}
