package org.safeguarding.backbone.testsupport.architecture;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.avro.LogicalType;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericData;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/**
 * A complete instance of any generated contract record, every field filled (a union with its first non-null branch,
 * an array or map with one element, an enum with its first symbol): for guard tests that must handle every record
 * type without a hand-written sample of each.
 */
public final class AvroSamples {

    private AvroSamples() {
    }

    public static <T extends SpecificRecord> T of(Class<T> type) {
        return type.cast(value(SpecificData.get().getSchema(type)));
    }

    private static Object value(Schema schema) {
        LogicalType logical = schema.getLogicalType();
        if (logical != null) {
            switch (logical.getName()) {
                case "timestamp-millis", "timestamp-micros" -> {
                    return Instant.parse("2026-11-20T09:15:00Z");
                }
                case "date" -> {
                    return LocalDate.of(2026, 11, 20);
                }
                default -> { }
            }
        }
        return switch (schema.getType()) {
            case RECORD -> {
                SpecificRecord record = (SpecificRecord) SpecificData.get().newRecord(null, schema);
                for (Schema.Field field : schema.getFields()) {
                    record.put(field.pos(), value(field.schema()));
                }
                yield record;
            }
            case UNION -> value(schema.getTypes().stream().filter(t -> t.getType() != Schema.Type.NULL)
                    .findFirst().orElseThrow());
            case ARRAY -> new ArrayList<>(List.of(value(schema.getElementType())));
            case MAP -> new LinkedHashMap<>(Map.of("key", value(schema.getValueType())));
            case ENUM -> SpecificData.get().createEnum(schema.getEnumSymbols().get(0), schema);
            case STRING -> "sample-" + schema.getName();
            case BOOLEAN -> true;
            case INT -> 1;
            case LONG -> 1L;
            case FLOAT -> 1.0f;
            case DOUBLE -> 1.0d;
            case BYTES -> ByteBuffer.wrap(new byte[] {1});
            case FIXED -> new GenericData.Fixed(schema, new byte[schema.getFixedSize()]);
            case NULL -> null;
        };
    }
}
