package org.safeguarding.backbone.testsupport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Events exactly as an earlier version's event store holds them ({@code domain_event_entry} rows, kept as JSON under
 * {@code src/test/resources/stored-events/}), to prove that the current code still reads what was stored before it.
 */
public final class StoredEventFixture {

    /** One stored event: the columns of {@code domain_event_entry}, the payload and metadata as the JSON stored. */
    public record Row(String type, String aggregateIdentifier, long sequenceNumber, String eventIdentifier,
                      String timeStamp, String payloadType, String payloadRevision, String payload, String metaData) {
    }

    private StoredEventFixture() {
    }

    public static List<Row> read(String resource) {
        try (InputStream in = StoredEventFixture.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no stored-event fixture on the classpath at " + resource);
            }
            return JsonMapper.builder().build().readValue(in, new TypeReference<List<Row>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Writes {@code rows} into an empty event store as they were stored (global index 1, 2, ...), then moves the
     * event store's sequence past them so events stored afterwards follow them.
     */
    public static void insert(JdbcTemplate jdbc, List<Row> rows) {
        Integer existing = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        if (existing == null || existing != 0) {
            throw new IllegalStateException("the event store already holds " + existing + " events");
        }
        long globalIndex = 0;
        for (Row row : rows) {
            jdbc.update("""
                    insert into domain_event_entry (global_index, type, aggregate_identifier, sequence_number,
                        event_identifier, time_stamp, payload_type, payload_revision, payload, meta_data)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    ++globalIndex, row.type(), row.aggregateIdentifier(), row.sequenceNumber(), row.eventIdentifier(),
                    row.timeStamp(), row.payloadType(), row.payloadRevision(),
                    row.payload().getBytes(StandardCharsets.UTF_8), row.metaData().getBytes(StandardCharsets.UTF_8));
        }
        // Hibernate's pooled ids run up to the value it reads, in blocks of 50: start beyond this block
        jdbc.execute("alter sequence domain_event_entry_seq restart with " + (globalIndex + 100));
    }
}
