package org.safeguarding.backbone.localinfra;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarFile;

/**
 * The command line that runs a main class of this process's class path in a JVM of its own: from the launcher's
 * executable jar (through Spring Boot's {@code PropertiesLauncher}, which opens its nested jars), or from a plain
 * class path (the build's tests).
 */
final class ChildJvm {

    private static final String BOOT_LOADER = "org.springframework.boot.loader.launch.PropertiesLauncher";

    private ChildJvm() {
    }

    static List<String> command(Class<?> main, List<String> jvmArguments, List<String> arguments) {
        String classPath = System.getProperty("java.class.path");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmArguments);
        command.add("-cp");
        command.add(classPath);
        if (isExecutableJar(classPath)) {
            command.add("-Dloader.main=" + main.getName());
            command.add(BOOT_LOADER);
        } else {
            command.add(main.getName());
        }
        command.addAll(arguments);
        return command;
    }

    private static boolean isExecutableJar(String classPath) {
        if (classPath.contains(File.pathSeparator) || !classPath.endsWith(".jar")) {
            return false;
        }
        try (JarFile jar = new JarFile(classPath)) {
            return jar.getManifest() != null
                    && jar.getManifest().getMainAttributes().getValue("Spring-Boot-Classes") != null;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * A logging configuration for a Kafka node's process, written into {@code dir}: its own lines and Kafka's warnings
     * (Kafka's informational lines are many per second).
     */
    static Path quietKafkaLogging(Path dir) {
        Path file = dir.resolve("kafka-node-logback.xml");
        try {
            Files.createDirectories(dir);
            Files.writeString(file, """
                    <configuration>
                      <appender name="STDOUT" class="ch.qos.logback.core.ConsoleAppender">
                        <encoder><pattern>%d{HH:mm:ss.SSS} %-5level %logger{20} - %msg%n</pattern></encoder>
                      </appender>
                      <logger name="org.apache.kafka" level="WARN"/>
                      <logger name="kafka" level="WARN"/>
                      <logger name="state.change.logger" level="WARN"/>
                      <root level="INFO"><appender-ref ref="STDOUT"/></root>
                    </configuration>
                    """);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }
}
