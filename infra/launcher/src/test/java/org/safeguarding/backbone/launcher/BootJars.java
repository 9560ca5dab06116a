package org.safeguarding.backbone.launcher;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;

/** Small jars laid out as Spring Boot lays out a service's jar, for the launcher's tests. */
final class BootJars {

    private final Map<String, byte[]> libraries = new LinkedHashMap<>();
    private final Map<String, byte[]> classes = new LinkedHashMap<>();
    private String startClass = "org.example.Application";

    BootJars library(String name, byte[] content) {
        libraries.put(name, content);
        return this;
    }

    BootJars library(String name, Path jar) throws IOException {
        return library(name, Files.readAllBytes(jar));
    }

    BootJars resource(String name, String content) {
        classes.put(name, content.getBytes(StandardCharsets.UTF_8));
        return this;
    }

    BootJars startClass(String name) {
        startClass = name;
        return this;
    }

    /** Writes the jar: libraries stored (as Spring Boot stores them), listed in {@code classpath.idx} in order. */
    Path writeTo(Path jar) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, "org.springframework.boot.loader.launch.JarLauncher");
        if (startClass != null) {
            manifest.getMainAttributes().putValue("Start-Class", startClass);
        }
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest)) {
            StringBuilder index = new StringBuilder();
            for (Map.Entry<String, byte[]> library : libraries.entrySet()) {
                ZipEntry entry = new ZipEntry("BOOT-INF/lib/" + library.getKey());
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(library.getValue().length);
                CRC32 crc = new CRC32();
                crc.update(library.getValue());
                entry.setCrc(crc.getValue());
                out.putNextEntry(entry);
                out.write(library.getValue());
                out.closeEntry();
                index.append("- \"BOOT-INF/lib/").append(library.getKey()).append("\"\n");
            }
            for (Map.Entry<String, byte[]> resource : classes.entrySet()) {
                out.putNextEntry(new ZipEntry("BOOT-INF/classes/" + resource.getKey()));
                out.write(resource.getValue());
                out.closeEntry();
            }
            out.putNextEntry(new ZipEntry("BOOT-INF/classpath.idx"));
            out.write(index.toString().getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }
}
