package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Programs the launcher's tests run (node, kubectl, docker-compose, the packaged launcher): what each printed. */
final class Commands {

    private Commands() {
    }

    /** How a command ended, and what it printed (standard output and error together). */
    record Run(int exitCode, List<String> lines) {
        String output() {
            return String.join("\n", lines);
        }
    }

    /**
     * Runs {@code command} in {@code directory} (this one when null) with {@code environment} added to this
     * process's; fails, with what it printed, if it has not finished within {@code timeout}.
     */
    static Run run(List<String> command, Path directory, Map<String, String> environment, Duration timeout)
            throws Exception {
        Path output = Files.createTempFile("command", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        if (directory != null) {
            builder.directory(directory.toFile());
        }
        builder.environment().putAll(environment);
        Process process = builder.start();
        boolean finished = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        Files.deleteIfExists(output);
        assertThat(finished).as(String.join(" ", command) + " finished: " + String.join("\n", lines)).isTrue();
        return new Run(process.exitValue(), lines);
    }
}
