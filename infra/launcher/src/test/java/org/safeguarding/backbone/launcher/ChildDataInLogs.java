package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Issue 10: the logs of a run never hold a child's data. Logs are read by operators and shipped to places with
 * other rules than the event store; an NHS number, a name or a statement in them is a disclosure. Scans every log
 * the backbone wrote (each process's file under the data directory's {@code logs/}) for the values a test sent.
 */
final class ChildDataInLogs {

    private ChildDataInLogs() {
    }

    /** Fails naming the file, the value and the line, where any of {@code values} appears in a log. */
    static void assertNone(Path dataDir, String... values) throws IOException {
        Path logs = dataDir.resolve("logs");
        List<Path> files;
        try (Stream<Path> found = Files.list(logs)) {
            files = found.filter(Files::isRegularFile).sorted().toList();
        }
        assertThat(files).as("the run's logs under " + logs).isNotEmpty();
        List<String> found = new ArrayList<>();
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                for (String value : values) {
                    if (lines.get(i).contains(value)) {
                        String line = lines.get(i);
                        found.add(file.getFileName() + ":" + (i + 1) + " holds '" + value + "': "
                                + (line.length() <= 300 ? line : line.substring(0, 300) + "..."));
                    }
                }
            }
        }
        assertThat(found).as("a child's data in the logs").isEmpty();
    }

    /** What the README's example share says about its child, beside the NHS number: names and statements. */
    static final String[] EXAMPLE_SHARE_DATA = {"Parent One (synthetic)", "A. Teacher (synthetic)",
        "Absent on 6 of the last 10 school days", "Seems withdrawn and tired on Mondays", "S-0001",
        "I don't like going home on Fridays"};
}
