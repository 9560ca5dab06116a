package org.safeguarding.backbone.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The event catalogue (docs/events.md) follows schemas/: every event and inbound request has its row. */
class EventCatalogueTest {

    private static final Path MODULE = Path.of(System.getProperty("schemas.dir", "."));

    @Test
    void everyEventAndInboundRequest_isInTheCatalogue() throws Exception {
        String catalogue = Files.readString(MODULE.resolve("../docs/events.md"));
        List<String> events;
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/avro"))) {
            events = files.filter(f -> f.toString().endsWith(".avsc"))
                    .map(EventCatalogueTest::recordName)
                    .filter(Objects::nonNull)
                    .sorted().toList();
        }
        assertThat(events).as("events under src/main/avro").hasSizeGreaterThan(20).contains("ShareInformation");
        assertThat(events).allSatisfy(event -> assertThat(catalogue).as("docs/events.md has a row for " + event)
                .contains("| `" + event + "`"));
    }

    /** The record's name (its file's) if it is an event (it has an envelope) or an inbound request; else null. */
    private static String recordName(Path file) {
        try {
            String text = Files.readString(file);
            boolean event = text.matches("(?s).*\"name\"\\s*:\\s*\"envelope\".*");
            boolean inbound = file.getParent().getFileName().toString().equals("inbound");
            return event || inbound ? file.getFileName().toString().replaceAll("\\.avsc$", "") : null;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
