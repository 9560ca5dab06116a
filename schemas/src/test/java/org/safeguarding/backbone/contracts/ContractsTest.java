package org.safeguarding.backbone.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class ContractsTest {

    private static final Path MODULE = Path.of(System.getProperty("schemas.dir", "."));

    @Test
    void theRecordsAreEveryEventAndInboundRequestUnderTheSources() throws IOException {
        List<String> expected;
        try (Stream<Path> files = Files.walk(MODULE.resolve("src/main/avro"))) {
            expected = files.filter(f -> f.toString().endsWith(".avsc"))
                    .map(ContractsTest::fullNameIfTravelsAlone)
                    .filter(Objects::nonNull)
                    .sorted().toList();
        }
        assertThat(expected).hasSizeGreaterThan(40)
                .contains("org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation");

        assertThat(Contracts.records().stream().map(Schema::getFullName).sorted().toList())
                .as("Contracts.records(): add the new event there")
                .isEqualTo(expected);
    }

    @Test
    void eachIsSelfContained_soAClientWithoutReferenceSupportCanParseIt() {
        for (Schema record : Contracts.records()) {
            Schema alone = new Schema.Parser().parse(record.toString());
            assertThat(alone).as(record.getFullName()).isEqualTo(record);
            assertThat(Contracts.subjectOf(record)).isEqualTo(record.getFullName());
        }
    }

    @Test
    void byNameFindsOnlyTheListedRecords() {
        assertThat(Contracts.byName("org.safeguarding.backbone.contracts.referrals.v1.InformationShared"))
                .isPresent();
        assertThat(Contracts.byName("org.safeguarding.backbone.contracts.common.v1.Envelope")).isEmpty();
    }

    /** The record's full name if it is an event (it has an envelope) or an inbound request; else null. */
    private static String fullNameIfTravelsAlone(Path file) {
        try {
            String text = Files.readString(file);
            boolean event = text.matches("(?s).*\"name\"\\s*:\\s*\"envelope\".*");
            boolean inbound = file.getParent().getFileName().toString().equals("inbound");
            if (!event && !inbound) {
                return null;
            }
            String namespace = text.replaceAll("(?s).*?\"namespace\"\\s*:\\s*\"([^\"]+)\".*", "$1");
            return namespace + "." + file.getFileName().toString().replaceAll("\\.avsc$", "");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
