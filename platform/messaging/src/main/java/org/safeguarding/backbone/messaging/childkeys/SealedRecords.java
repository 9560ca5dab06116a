package org.safeguarding.backbone.messaging.childkeys;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;

/**
 * The personal fields of the records on the services' own topics, sealed under the child's key as they are published
 * and opened as they are consumed (R18, ADR 0015): a topic kept for 25 years then holds nothing an erasure does not
 * reach. A field is personal when its schema says so ({@code "personal": true}, in {@code schemas/}): a string, an
 * optional string, or an array or map of them (a map's keys stay in clear). Its value on the topic is
 * {@code $sealed:v1.<key id>.<ciphertext>}, still of its declared type, so the schemas and their compatibility are
 * unchanged; ids, agencies, times and kinds stay in clear. A value not sealed (a record published before sealing) is
 * read as it is.
 *
 * <p>Opened once the child's keys are erased, a sealed value reads {@code [erased on <date>: <reason>]}. One that
 * does not open (altered) can never be acted on ({@link UnprocessableRecord}: dead-lettered); one sealed under a key
 * the key store does not hold is a fault of the store (not the store it was sealed with, or not reachable), retried
 * until it is put right.
 *
 * <p>The agencies' feeds carry the records opened (their retention is short, and the agencies are entitled to them).
 */
public final class SealedRecords {

    /** The schema property that marks a field personal. */
    public static final String PERSONAL = "personal";

    private final Sealing sealing;
    private final Map<Schema, Boolean> personalWithin = new ConcurrentHashMap<>();

    public SealedRecords(Sealing sealing) {
        this.sealing = sealing;
    }

    /**
     * Seals, in {@code record}, each personal value under the key of {@code childId}: every one, whatever it looks
     * like (a text a practitioner wrote to look sealed is sealed too, and opens back to itself). Call it once a record.
     */
    public <T extends IndexedRecord> T seal(String childId, T record) {
        if (record != null && hasPersonalFields(record.getSchema())) {
            rewrite(record, text -> SealedColumn.PREFIX + sealing.seal(childId, text));
        }
        return record;
    }

    /**
     * Opens, in {@code record}, each sealed personal value: its text, or what an erased text reads as.
     *
     * @throws UnprocessableRecord when a sealed value was altered and can never be opened
     * @throws Sealing.Unreadable  when it was sealed under a key the key store does not hold (retried)
     */
    public <T extends IndexedRecord> T open(T record) {
        if (record != null && hasPersonalFields(record.getSchema())) {
            rewrite(record, this::opened);
        }
        return record;
    }

    private String opened(String text) {
        if (!text.startsWith(SealedColumn.PREFIX)) {
            return text;
        }
        try {
            return sealing.open(text.substring(SealedColumn.PREFIX.length()));
        } catch (Sealing.UnknownKey e) {
            throw e;
        } catch (Sealing.Unreadable e) {
            throw new UnprocessableRecord("a personal field does not open: " + e.getMessage());
        }
    }

    /** Whether a record of {@code schema} has a personal field, itself or in a record within it. */
    public boolean hasPersonalFields(Schema schema) {
        Boolean known = personalWithin.get(schema);
        if (known == null) {
            known = personalWithin(schema, new ArrayList<>());
            personalWithin.put(schema, known);
        }
        return known;
    }

    private static boolean personalWithin(Schema schema, List<Schema> seen) {
        switch (schema.getType()) {
            case RECORD -> {
                if (seen.contains(schema)) {
                    return false;
                }
                seen.add(schema);
                for (Schema.Field field : schema.getFields()) {
                    if (isPersonal(field) || personalWithin(field.schema(), seen)) {
                        return true;
                    }
                }
                return false;
            }
            case ARRAY -> {
                return personalWithin(schema.getElementType(), seen);
            }
            case MAP -> {
                return personalWithin(schema.getValueType(), seen);
            }
            case UNION -> {
                return schema.getTypes().stream().anyMatch(type -> personalWithin(type, seen));
            }
            default -> {
                return false;
            }
        }
    }

    /** Whether the schema marks {@code field} personal. */
    public static boolean isPersonal(Schema.Field field) {
        return Boolean.TRUE.equals(field.getObjectProp(PERSONAL));
    }

    private void rewrite(IndexedRecord record, UnaryOperator<String> each) {
        for (Schema.Field field : record.getSchema().getFields()) {
            Object value = record.get(field.pos());
            if (value == null) {
                continue;
            }
            if (isPersonal(field)) {
                record.put(field.pos(), strings(value, each, field));
            } else {
                within(value, each);
            }
        }
    }

    /** The records within a value that is not itself personal: each is rewritten in place. */
    private void within(Object value, UnaryOperator<String> each) {
        if (value instanceof IndexedRecord nested) {
            if (hasPersonalFields(nested.getSchema())) {
                rewrite(nested, each);
            }
        } else if (value instanceof List<?> list) {
            list.forEach(element -> within(element, each));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(element -> within(element, each));
        }
    }

    /** A personal value rewritten: a text, or a list or map of texts, of the same shape. */
    private static Object strings(Object value, UnaryOperator<String> each, Schema.Field field) {
        if (value instanceof CharSequence text) {
            return each.apply(text.toString());
        }
        if (value instanceof List<?> list) {
            List<Object> rewritten = new ArrayList<>(list.size());
            list.forEach(element -> rewritten.add(element == null ? null : strings(element, each, field)));
            return rewritten;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> rewritten = new LinkedHashMap<>();
            map.forEach((key, element) -> rewritten.put(key, element == null ? null : strings(element, each, field)));
            return rewritten;
        }
        throw new IllegalStateException("The field " + field.name() + " is marked personal but holds "
                + value.getClass().getSimpleName() + ": only texts, and arrays and maps of texts, can be sealed");
    }
}
