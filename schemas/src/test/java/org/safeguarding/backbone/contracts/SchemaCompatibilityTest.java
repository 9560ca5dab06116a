package org.safeguarding.backbone.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.apache.avro.AvroRuntimeException;
import org.junit.jupiter.api.Test;

/**
 * Every schema must stay BACKWARD compatible with each released version of itself: a consumer built on the current
 * schema must read every event already written with a released one (the event log is kept for years and replayed).
 * Released versions live in {@code schemas/released/<area>/<Name>/vN.avsc}; releasing a change means adding the next
 * vN there.
 */
class SchemaCompatibilityTest {

    private static final Path ROOT = Path.of(System.getProperty("schemas.dir", "."));

    @Test
    void everyCurrentSchemaCanReadEveryReleasedVersionOfItself() {
        Map<String, Schema> current = parseAll(files(ROOT.resolve("src/main/avro")));
        Map<Path, Schema> released = new TreeMap<>();
        for (Path versionDir : versionDirs()) {
            for (Path version : files(versionDir)) {
                released.put(version, parseReleased(version));
            }
        }
        assertThat(released).as("released schemas under %s", ROOT.resolve("released")).isNotEmpty();

        List<String> problems = new ArrayList<>();
        released.forEach((file, writer) -> {
            Schema reader = current.get(writer.getFullName());
            if (reader == null) {
                problems.add(writer.getFullName() + " was released (" + file + ") but no longer exists: "
                        + "events written with it could not be read");
            } else {
                String incompatibility = backwardIncompatibility(reader, writer);
                if (incompatibility != null) {
                    problems.add(writer.getFullName() + " is not BACKWARD compatible with " + file + ": "
                            + incompatibility);
                }
            }
        });
        assertThat(problems).as("schema compatibility problems").isEmpty();
    }

    /**
     * A contract is released with the first event written with it: from then on it is checked against that version.
     * A new schema without its {@code released/<area>/<Name>/v1.avsc} fails here, so none escapes the check.
     */
    @Test
    void everyCurrentSchemaHasAReleasedVersion_soEveryChangeToItIsChecked() {
        List<String> unreleased = new ArrayList<>();
        for (Path source : files(ROOT.resolve("src/main/avro"))) {
            String name = source.getFileName().toString().replace(".avsc", "");
            String area = source.getParent().getFileName().toString();
            if (!Files.isDirectory(ROOT.resolve("released").resolve(area).resolve(name))) {
                unreleased.add(area + "/" + name + ": add released/" + area + "/" + name + "/v1.avsc");
            }
        }
        assertThat(unreleased).as("schemas without a released version").isEmpty();
    }

    @Test
    void theCheckRejectsANewFieldWithoutADefault() {
        Map<String, Schema> current = parseAll(files(ROOT.resolve("src/main/avro")));
        Schema released = current.get("org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged");
        String changedJson = released.toString()
                .replace("{\"name\":\"recipientAgency\",\"type\":\"string\"}",
                        "{\"name\":\"recipientAgency\",\"type\":\"string\"},{\"name\":\"team\",\"type\":\"string\"}");
        Schema changed = new Schema.Parser().parse(changedJson);
        assertThat(changed.getField("team")).isNotNull();

        assertThat(backwardIncompatibility(changed, released)).contains("team");
    }

    @Test
    void theCheckAcceptsANewOptionalFieldWithADefault() {
        Map<String, Schema> current = parseAll(files(ROOT.resolve("src/main/avro")));
        Schema released = current.get("org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged");
        String changedJson = released.toString()
                .replace("{\"name\":\"recipientAgency\",\"type\":\"string\"}",
                        "{\"name\":\"recipientAgency\",\"type\":\"string\"},"
                                + "{\"name\":\"team\",\"type\":[\"null\",\"string\"],\"default\":null}");
        Schema changed = new Schema.Parser().parse(changedJson);

        assertThat(backwardIncompatibility(changed, released)).isNull();
    }

    /** Null when {@code reader} can read data written with {@code writer}; otherwise what is wrong. */
    static String backwardIncompatibility(Schema reader, Schema writer) {
        var result = SchemaCompatibility.checkReaderWriterCompatibility(reader, writer).getResult();
        if (result.getCompatibility() == SchemaCompatibilityType.COMPATIBLE) {
            return null;
        }
        return result.getIncompatibilities().stream()
                .map(i -> i.getType() + " at " + i.getLocation() + ": " + i.getMessage())
                .toList().toString();
    }

    /**
     * A released version is parsed together with the latest released version of every other type, so a reference to
     * the shared envelope resolves as it did when it was released.
     */
    private static Schema parseReleased(Path version) {
        List<Path> withContext = new ArrayList<>();
        withContext.add(version);
        for (Path dir : versionDirs()) {
            if (!dir.equals(version.getParent())) {
                List<Path> versions = files(dir);
                withContext.add(versions.get(versions.size() - 1));
            }
        }
        String simpleName = version.getParent().getFileName().toString();
        // the context is best effort: a type that needs a newer version of this one cannot be parsed beside it
        return parseAll(withContext, false).values().stream()
                .filter(s -> s.getName().equals(simpleName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(version + " does not define " + simpleName));
    }

    /** Parses schemas that refer to each other by name, in whatever order the references need. */
    private static Map<String, Schema> parseAll(List<Path> files) {
        return parseAll(files, true);
    }

    /** With {@code strict} false, returns what could be parsed instead of failing on what could not. */
    private static Map<String, Schema> parseAll(List<Path> files, boolean strict) {
        Map<String, Schema> parsed = new LinkedHashMap<>();
        List<Path> pending = new ArrayList<>(files);
        while (!pending.isEmpty()) {
            List<Path> stillPending = new ArrayList<>();
            AvroRuntimeException last = null;
            for (Path file : pending) {
                Schema.Parser parser = new Schema.Parser();
                Map<String, Schema> known = new LinkedHashMap<>();
                parsed.values().forEach(schema -> collectNamedTypes(schema, known));
                parser.addTypes(known.values());
                try {
                    Schema schema = parser.parse(file.toFile());
                    parsed.put(schema.getFullName(), schema);
                } catch (AvroRuntimeException e) {
                    stillPending.add(file);
                    last = e;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            if (stillPending.size() == pending.size()) {
                if (!strict) {
                    break;
                }
                throw new IllegalStateException("cannot parse " + stillPending, last);
            }
            pending = stillPending;
        }
        return parsed;
    }

    /** A schema and every named type inside it (records, enums, fixed), so later files can refer to any of them. */
    private static void collectNamedTypes(Schema schema, Map<String, Schema> into) {
        switch (schema.getType()) {
            case RECORD -> {
                if (into.putIfAbsent(schema.getFullName(), schema) == null) {
                    schema.getFields().forEach(field -> collectNamedTypes(field.schema(), into));
                }
            }
            case ENUM, FIXED -> into.putIfAbsent(schema.getFullName(), schema);
            case ARRAY -> collectNamedTypes(schema.getElementType(), into);
            case MAP -> collectNamedTypes(schema.getValueType(), into);
            case UNION -> schema.getTypes().forEach(type -> collectNamedTypes(type, into));
            default -> { }
        }
    }

    private static List<Path> versionDirs() {
        try (Stream<Path> dirs = Files.walk(ROOT.resolve("released"))) {
            return dirs.filter(d -> Files.isDirectory(d) && !files(d).isEmpty()).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The .avsc files directly in (released versions, ordered v1, v2, ...) or below (sources) a directory. */
    private static List<Path> files(Path dir) {
        boolean released = dir.startsWith(ROOT.resolve("released"));
        try (Stream<Path> found = released ? Files.list(dir) : Files.walk(dir)) {
            return found.filter(f -> f.toString().endsWith(".avsc"))
                    .sorted((a, b) -> Integer.compare(version(a), version(b)))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int version(Path file) {
        String name = file.getFileName().toString();
        return name.matches("v\\d+\\.avsc") ? Integer.parseInt(name.substring(1, name.length() - 5)) : 0;
    }
}
