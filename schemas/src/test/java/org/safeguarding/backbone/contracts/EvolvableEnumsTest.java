package org.safeguarding.backbone.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentStatus;
import org.safeguarding.backbone.contracts.referrals.v1.RelatedPerson;
import org.safeguarding.backbone.contracts.referrals.v1.RelatedPersonRole;

/**
 * Issue 10: a symbol added to an enum later must not break a reader built before it. Avro resolves a symbol the
 * reader does not know to the enum's default, so every enum of the contracts has one: {@code UNKNOWN}, which the
 * backbone never writes, and which a reader takes to mean "a value newer than me".
 */
class EvolvableEnumsTest {

    @Test
    void everyEnumOfEveryContract_hasTheDefaultUnknown() {
        Map<String, Schema> enums = new LinkedHashMap<>();
        Contracts.records().forEach(record -> collectEnums(record, enums, new ArrayList<>()));
        assertThat(enums).as("the contracts' enums").hasSizeGreaterThanOrEqualTo(9);
        assertThat(enums.values()).allSatisfy(e -> {
            assertThat(e.getEnumDefault()).as(e.getFullName() + "'s default").isEqualTo("UNKNOWN");
            assertThat(e.getEnumSymbols()).as(e.getFullName()).endsWith("UNKNOWN");
        });
    }

    @Test
    void aSymbolAddedLater_isReadByAnOlderReaderAsUnknown() throws Exception {
        Schema current = RelatedPerson.getClassSchema();
        Schema newer = new Schema.Parser().parse(current.toString().replace("\"OTHER\",\"UNKNOWN\"]",
                "\"OTHER\",\"UNKNOWN\",\"PROFESSIONAL\"]"));
        GenericRecord written = new GenericData.Record(newer);
        written.put("name", "A synthetic person");
        written.put("role", new GenericData.EnumSymbol(newer.getField("role").schema(), "PROFESSIONAL"));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new GenericDatumWriter<GenericRecord>(newer).write(written, encoder);
        encoder.flush();

        GenericRecord read = new GenericDatumReader<GenericRecord>(newer, current)
                .read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));

        assertThat(read.get("role").toString()).isEqualTo(RelatedPersonRole.UNKNOWN.name());
        assertThat(ConsentStatus.valueOf("UNKNOWN")).isNotNull();
    }

    private static void collectEnums(Schema schema, Map<String, Schema> into, List<Schema> seen) {
        if (seen.contains(schema)) {
            return;
        }
        seen.add(schema);
        switch (schema.getType()) {
            case ENUM -> into.putIfAbsent(schema.getFullName(), schema);
            case RECORD -> schema.getFields().forEach(field -> collectEnums(field.schema(), into, seen));
            case ARRAY -> collectEnums(schema.getElementType(), into, seen);
            case MAP -> collectEnums(schema.getValueType(), into, seen);
            case UNION -> schema.getTypes().forEach(type -> collectEnums(type, into, seen));
            default -> { }
        }
    }
}
