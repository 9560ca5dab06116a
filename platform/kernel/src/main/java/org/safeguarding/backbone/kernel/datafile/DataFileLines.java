package org.safeguarding.backbone.kernel.datafile;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The small comma-separated data files the service ships (bank holidays, the plain-language glossary): one record a
 * line, {@code #} comments and blank lines skipped, an optional header line skipped. Each line keeps its number, so
 * a bad one can be reported where it is.
 */
public final class DataFileLines {

    /** One data line: its number in the file (from 1) and its text, trimmed. */
    public record Line(int number, String text) {

        /** The text before the first comma, and after it (empty when there is none). */
        public String[] split() {
            int comma = text.indexOf(',');
            return comma < 0 ? new String[] {text, ""}
                    : new String[] {text.substring(0, comma).strip(), text.substring(comma + 1).strip()};
        }
    }

    private DataFileLines() {
    }

    public static List<Line> read(InputStream in, String source, String header) {
        List<Line> lines = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            int number = 0;
            while ((line = reader.readLine()) != null) {
                number++;
                String trimmed = line.strip();
                if (!trimmed.isEmpty() && !trimmed.startsWith("#") && !trimmed.equals(header)) {
                    lines.add(new Line(number, trimmed));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + source, e);
        }
        return lines;
    }
}
