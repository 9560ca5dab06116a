package org.safeguarding.backbone.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/**
 * Every generated event class carries, in its own schema, the current version of each type it uses (the envelope, a
 * statement, ...). A stale one would write the old shape of that type while its builder fills in the new one: the
 * fields shift, and an event is refused at publication or, worse, written wrong.
 */
class GeneratedClassesTest {

    private static final Path CLASSES = Path.of(System.getProperty("schemas.dir", "."), "target", "classes");

    @Test
    void everyTypeEmbeddedInARecord_isTheCurrentVersionOfThatType() throws Exception {
        List<Class<?>> records = generatedRecords();
        assertThat(records).as("generated records under %s", CLASSES).hasSizeGreaterThan(20);
        List<String> stale = new ArrayList<>();
        for (Class<?> record : records) {
            Schema schema = SpecificData.get().getSchema(record);
            for (Schema.Field field : schema.getFields()) {
                embedded(field.schema()).forEach(used -> {
                    Class<?> type = SpecificData.get().getClass(used);
                    if (type != null && !SpecificData.get().getSchema(type).equals(used)) {
                        stale.add(record.getSimpleName() + "." + field.name() + " embeds an old " + used.getName());
                    }
                });
            }
        }
        assertThat(stale).as("regenerate the schemas module from nothing").isEmpty();
    }

    /** The named record types a field's schema uses, directly, in a union, in an array or in a map. */
    private static List<Schema> embedded(Schema schema) {
        return switch (schema.getType()) {
            case RECORD -> List.of(schema);
            case UNION -> schema.getTypes().stream().flatMap(type -> embedded(type).stream()).toList();
            case ARRAY -> embedded(schema.getElementType());
            case MAP -> embedded(schema.getValueType());
            default -> List.of();
        };
    }

    private static List<Class<?>> generatedRecords() throws IOException {
        Path contracts = CLASSES.resolve("org/safeguarding/backbone/contracts");
        try (Stream<Path> files = Files.walk(contracts)) {
            List<Class<?>> records = new ArrayList<>();
            for (Path file : files.filter(f -> f.toString().endsWith(".class") && !f.toString().contains("$"))
                    .toList()) {
                String name = CLASSES.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                try {
                    Class<?> type = Class.forName(name);
                    if (SpecificRecord.class.isAssignableFrom(type)) {
                        records.add(type);
                    }
                } catch (ClassNotFoundException e) {
                    throw new IllegalStateException(e);
                }
            }
            return records;
        }
    }
}
