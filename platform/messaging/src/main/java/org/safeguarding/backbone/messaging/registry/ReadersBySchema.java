package org.safeguarding.backbone.messaging.registry;

import io.apicurio.registry.serde.avro.DefaultAvroDatumProvider;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.Schema;
import org.apache.avro.io.DatumReader;

/**
 * The registry deserializer's datum readers, one per writer's schema, found by the schema itself. Apicurio's own
 * provider keeps them by the schema's parsing fingerprint, which it computes again for every record (the schema
 * written out in canonical form, then hashed): in the replay benchmark that was 84% of the Avro decoding's time and
 * half of the rebuild's reading thread (docs/profiles/replay-2026-11-27.md). A schema's hash is computed once and kept
 * by Avro; the schema instances come from the resolver's cache, so a lookup here is an identity check. Readers are
 * made, and shared between threads, exactly as Apicurio makes and shares them.
 */
public class ReadersBySchema<T> extends DefaultAvroDatumProvider<T> {

    /** More schemas than the backbone's contracts will ever have in use; past it, start again. */
    private static final int MAX_SCHEMAS = 1_000;

    private final Map<Schema, DatumReader<T>> readers = new ConcurrentHashMap<>();

    @Override
    public DatumReader<T> createDatumReader(Schema schema) {
        DatumReader<T> reader = readers.get(schema);
        if (reader == null) {
            if (readers.size() >= MAX_SCHEMAS) {
                readers.clear();
            }
            reader = super.createDatumReader(schema);
            readers.put(schema, reader);
        }
        return reader;
    }
}
