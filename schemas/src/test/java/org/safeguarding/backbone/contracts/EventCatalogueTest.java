package org.safeguarding.backbone.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * The event catalogue (docs/events.md) follows schemas/: every event and inbound request ({@link Contracts#records()},
 * which ContractsTest keeps equal to the sources) has its row.
 */
class EventCatalogueTest {

    private static final Path MODULE = Path.of(System.getProperty("schemas.dir", "."));

    @Test
    void everyEventAndInboundRequest_isInTheCatalogue() throws Exception {
        String catalogue = Files.readString(MODULE.resolve("../docs/events.md"));
        List<String> events = Contracts.records().stream().map(Schema::getName).sorted().toList();
        assertThat(events).as("events under src/main/avro").hasSizeGreaterThan(20).contains("ShareInformation");
        assertThat(events).allSatisfy(event -> assertThat(catalogue).as("docs/events.md has a row for " + event)
                .contains("| `" + event + "`"));
    }
}
