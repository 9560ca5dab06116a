package org.safeguarding.backbone.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** How a benchmark keeps its result: a dated row added to its table in docs/benchmarks.md, the old rows kept. */
public final class BenchmarkRows {

    private BenchmarkRows() {
    }

    /**
     * Adds {@code row} above {@code marker} (an HTML comment under the benchmark's table) in the repository's
     * docs/benchmarks.md, found from the working directory up; at the end of the file if the marker is gone.
     */
    public static void append(String marker, String row) throws IOException {
        Path root = Path.of("").toAbsolutePath();
        while (root != null && !Files.exists(root.resolve("mvnw"))) {
            root = root.getParent();
        }
        if (root == null) {
            return;
        }
        Path benchmarks = root.resolve("docs/benchmarks.md");
        String text = Files.readString(benchmarks);
        if (text.contains(marker)) {
            Files.writeString(benchmarks, text.replace(marker, row + "\n" + marker));
        } else {
            Files.writeString(benchmarks, "\n" + row + "\n", StandardOpenOption.APPEND);
        }
    }
}
