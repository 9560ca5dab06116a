package org.safeguarding.backbone.messaging.chain;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.safeguarding.backbone.kernel.chain.EventChainCheck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The event store's tamper evidence ({@link EventChainCheck}). Each stored event gets a link, in the transaction that
 * stores it: the SHA-256 of every column it is stored with and of the link before it in its aggregate (a chain per
 * aggregate: an aggregate's events are stored one transaction after another, in sequence, so its chain has one
 * order whatever else is stored meanwhile). A checkpoint lists the newest link of each aggregate changed since the
 * last one and is signed with {@link ChainSigningKey}, its signature covering the one before it.
 *
 * <p>What it catches: an event's stored columns changed (its link no longer matches), an event removed (its
 * aggregate's sequence has a hole, or its link is left without it), an event inserted without a link; and any of
 * these with the links recomputed to match, as far back as the last checkpoint signed before the change (the signed
 * link disagrees). What it cannot catch: a change to events stored since the last checkpoint, together with their
 * links; the checkpoint interval bounds that window.
 */
public class EventChain implements EventChainCheck {

    /** A link chained this long before the last checkpoint may have committed after it: listed again. */
    static final Duration LATE_COMMIT = Duration.ofMinutes(5);

    private static final String EVENT_COLUMNS = "e.global_index, e.aggregate_identifier, e.sequence_number, "
            + "e.event_identifier, e.type, e.time_stamp, e.payload_type, e.payload_revision, e.meta_data, e.payload";

    private final JdbcTemplate jdbc;
    /** The same database, read a thousand rows at a time: a check reads the whole store. */
    private final JdbcTemplate reading;
    private final TransactionTemplate transactions;
    private final ChainSigningKey key;
    private final Clock clock;

    public EventChain(JdbcTemplate jdbc, TransactionTemplate transactions, ChainSigningKey key, Clock clock) {
        this.jdbc = jdbc;
        this.reading = new JdbcTemplate(jdbc.getDataSource());
        this.reading.setFetchSize(1000);
        this.transactions = transactions;
        this.key = key;
        this.clock = clock;
    }

    /**
     * Links every event of {@code aggregates} stored but not yet linked, in the caller's transaction (the one that
     * stored them): called by {@link ChainedJpaEventStorageEngine} once the events are flushed.
     */
    public void link(Collection<String> aggregates) {
        Timestamp now = Timestamp.from(clock.instant());
        for (String aggregate : aggregates) {
            List<Map<String, Object>> last = jdbc.queryForList("select sequence_number, hash from event_chain where "
                    + "aggregate_identifier = ? order by sequence_number desc fetch first 1 rows only", aggregate);
            long after = last.isEmpty() ? -1 : ((Number) last.get(0).get("sequence_number")).longValue();
            String[] previous = {last.isEmpty() ? null : (String) last.get(0).get("hash")};
            List<Object[]> links = new ArrayList<>();
            jdbc.query("select " + EVENT_COLUMNS + " from domain_event_entry e where e.aggregate_identifier = ? "
                    + "and e.sequence_number > ? order by e.sequence_number", rs -> {
                        StoredEvent event = StoredEvent.of(rs);
                        previous[0] = event.link(previous[0]);
                        links.add(new Object[] {event.globalIndex, aggregate, event.sequence, previous[0], now});
                    }, aggregate, after);
            if (!links.isEmpty()) {
                jdbc.batchUpdate("insert into event_chain (global_index, aggregate_identifier, sequence_number, hash, "
                        + "chained_at) values (?, ?, ?, ?, ?)", links);
            }
        }
    }

    /**
     * Links the events stored before this store was chained (a store kept from an earlier version), once: only while
     * no event has a link yet, so an event added to the database later without the service is never linked here but
     * found by {@link #verify}. Called at start, before the service takes any request or record.
     *
     * @return how many events were linked
     */
    public long chainWhatWasStoredBefore() {
        // two rows looked for, not every row counted: this runs at every start
        Boolean unchained = transactions.execute(status -> !any("event_chain") && any("domain_event_entry"));
        if (!Boolean.TRUE.equals(unchained)) {
            return 0;
        }
        List<String> aggregates = jdbc.queryForList("select distinct aggregate_identifier from domain_event_entry",
                String.class);
        for (int from = 0; from < aggregates.size(); from += 500) {
            List<String> some = aggregates.subList(from, Math.min(aggregates.size(), from + 500));
            transactions.executeWithoutResult(status -> link(some));
        }
        return jdbc.queryForObject("select count(*) from event_chain", Long.class);
    }

    private boolean any(String table) {
        return !jdbc.queryForList("select 1 from " + table + " fetch first 1 rows only").isEmpty();
    }

    @Override
    public Report verify() {
        return transactions.execute(status -> {
            Breaks breaks = new Breaks();
            long[] events = {0};
            // read aggregate by aggregate, each in sequence: only the link before is needed, whatever the store's size
            Tail[] before = {null};
            reading.query("select " + EVENT_COLUMNS + ", c.hash from domain_event_entry e left join event_chain c "
                    + "on c.global_index = e.global_index order by e.aggregate_identifier, e.sequence_number", rs -> {
                        StoredEvent event = StoredEvent.of(rs);
                        String stored = rs.getString("hash");
                        Tail tail = before[0] != null && before[0].aggregate.equals(event.aggregate) ? before[0] : null;
                        long expected = tail == null ? 0 : tail.sequence + 1;
                        String computed = event.link(tail == null ? null : tail.link);
                        events[0]++;
                        if (event.sequence != expected) {
                            breaks.add(event, "an event before it in its aggregate is missing: sequence " + expected
                                    + " expected, " + event.sequence + " found");
                        } else if (stored == null) {
                            breaks.add(event, "it has no link: it was stored without the service, or its link was "
                                    + "removed");
                        } else if (!stored.equals(computed)) {
                            breaks.add(event, "its stored form no longer gives its link: it, or its link, was changed");
                        }
                        // go on from the stored link, so one change breaks one link, not every one after it
                        before[0] = new Tail(event.aggregate, event.sequence, stored != null ? stored : computed);
                    });
            jdbc.query("select c.global_index, c.aggregate_identifier, c.sequence_number from event_chain c where not "
                    + "exists (select 1 from domain_event_entry e where e.global_index = c.global_index)", rs -> {
                        breaks.add(new BrokenLink(rs.getLong(1), null, rs.getString(2), rs.getLong(3),
                                "the event was removed: its link remains"));
                    });
            long checkpoints = verifyCheckpoints(breaks);
            return new Report(events[0], checkpoints, breaks.count, breaks.first, clock.instant());
        });
    }

    private long verifyCheckpoints(Breaks breaks) {
        List<Map<String, Object>> checkpoints = jdbc.queryForList(
                "select id, key_id, digest, signature from event_chain_checkpoint order by id");
        String previousSignature = "";
        for (Map<String, Object> checkpoint : checkpoints) {
            long id = ((Number) checkpoint.get("id")).longValue();
            // each head as signed, with the link stored for it now (none: removed)
            List<SignedHead> signed = jdbc.query("select h.aggregate_identifier, h.sequence_number, h.hash, "
                            + "c.global_index, c.hash from event_chain_checkpoint_head h left join event_chain c "
                            + "on c.aggregate_identifier = h.aggregate_identifier and c.sequence_number = "
                            + "h.sequence_number where h.checkpoint_id = ? order by h.aggregate_identifier",
                    (rs, row) -> new SignedHead(new Head(rs.getString(1), rs.getLong(2), rs.getString(3)),
                            rs.getObject(4) == null ? -1 : rs.getLong(4), rs.getString(5)), id);
            String digest = digest(previousSignature, signed.stream().map(SignedHead::head).toList());
            String signature = (String) checkpoint.get("signature");
            if (!key.id().equals(checkpoint.get("key_id")) || !digest.equals(checkpoint.get("digest"))
                    || !key.verifies(digest.getBytes(StandardCharsets.US_ASCII), signature)) {
                breaks.add(new BrokenLink(-1, null, null, -1, "checkpoint " + id + " is not signed by this service's "
                        + "key (" + key.id() + ") over what it lists, or a checkpoint before it was changed"));
            }
            for (SignedHead head : signed) {
                if (!head.head.hash.equals(head.storedLink)) {
                    breaks.add(new BrokenLink(head.storedIndex, null, head.head.aggregate, head.head.sequence,
                            "its link differs from the one signed in checkpoint " + id + ": the events up to it "
                                    + "were changed and their links made again"));
                }
            }
            previousSignature = signature;
        }
        return checkpoints.size();
    }

    @Override
    public Optional<Checkpoint> checkpoint() {
        return transactions.execute(status -> {
            List<Map<String, Object>> last = jdbc.queryForList("select id, created_at, signature from "
                    + "event_chain_checkpoint order by id desc fetch first 1 rows only");
            Instant since = last.isEmpty() ? Instant.EPOCH
                    : ((Timestamp) last.get(0).get("created_at")).toInstant();
            Integer changed = jdbc.queryForObject("select count(*) from event_chain where chained_at > ?",
                    Integer.class, Timestamp.from(since));
            if (changed == null || changed == 0) {
                return Optional.<Checkpoint>empty();
            }
            List<Head> heads = jdbc.query("select c.aggregate_identifier, c.sequence_number, c.hash from event_chain c "
                    + "join (select aggregate_identifier, max(sequence_number) as newest from event_chain where "
                    + "chained_at > ? group by aggregate_identifier) h on h.aggregate_identifier = "
                    + "c.aggregate_identifier and h.newest = c.sequence_number order by c.aggregate_identifier",
                    (rs, row) -> new Head(rs.getString(1), rs.getLong(2), rs.getString(3)),
                    Timestamp.from(since.minus(LATE_COMMIT)));
            long id = last.isEmpty() ? 1 : ((Number) last.get(0).get("id")).longValue() + 1;
            String digest = digest(last.isEmpty() ? "" : (String) last.get(0).get("signature"), heads);
            Instant now = clock.instant();
            jdbc.update("insert into event_chain_checkpoint (id, created_at, key_id, digest, signature) values "
                    + "(?, ?, ?, ?, ?)", id, Timestamp.from(now), key.id(), digest,
                    key.sign(digest.getBytes(StandardCharsets.US_ASCII)));
            jdbc.batchUpdate("insert into event_chain_checkpoint_head (checkpoint_id, aggregate_identifier, "
                    + "sequence_number, hash) values (?, ?, ?, ?)", heads.stream()
                    .map(head -> new Object[] {id, head.aggregate, head.sequence, head.hash}).toList());
            return Optional.of(new Checkpoint(id, now, heads.size(), key.id()));
        });
    }

    /** What a checkpoint signs: the signature before it, then each head, in the order of their aggregates. */
    static String digest(String previousSignature, List<Head> heads) {
        StringBuilder signed = new StringBuilder(previousSignature).append('\n');
        heads.forEach(head -> signed.append(head.aggregate).append(' ').append(head.sequence).append(' ')
                .append(head.hash).append('\n'));
        return HexFormat.of().formatHex(ChainSigningKey.sha256(signed.toString().getBytes(StandardCharsets.UTF_8)));
    }

    record Head(String aggregate, long sequence, String hash) {
    }

    /** A head a checkpoint signed, and the link stored for it now ({@code storedIndex} -1 and no link: none). */
    private record SignedHead(Head head, long storedIndex, String storedLink) {
    }

    private record Tail(String aggregate, long sequence, String link) {
    }

    private static final class Breaks {
        private long count;
        private BrokenLink first;

        void add(StoredEvent event, String problem) {
            add(new BrokenLink(event.globalIndex, event.eventId, event.aggregate, event.sequence, problem));
        }

        void add(BrokenLink broken) {
            count++;
            if (first == null || (broken.globalIndex() >= 0 && (first.globalIndex() < 0
                    || broken.globalIndex() < first.globalIndex()))) {
                first = broken;
            }
        }
    }

    /** An event as the store keeps it: every column, as stored. */
    record StoredEvent(long globalIndex, String aggregate, long sequence, String eventId, String type,
                       String timeStamp, String payloadType, String payloadRevision, byte[] metaData,
                       byte[] payload) {

        static StoredEvent of(ResultSet rs) throws SQLException {
            return new StoredEvent(rs.getLong("global_index"), rs.getString("aggregate_identifier"),
                    rs.getLong("sequence_number"), rs.getString("event_identifier"), rs.getString("type"),
                    rs.getString("time_stamp"), rs.getString("payload_type"), rs.getString("payload_revision"),
                    rs.getBytes("meta_data"), rs.getBytes("payload"));
        }

        /** This event's link after {@code previous} (null for the first of its aggregate). */
        String link(String previous) {
            try {
                MessageDigest digest = MessageDigest.getInstance("SHA-256");
                field(digest, previous);
                field(digest, Long.toString(globalIndex));
                field(digest, aggregate);
                field(digest, Long.toString(sequence));
                field(digest, eventId);
                field(digest, type);
                field(digest, timeStamp);
                field(digest, payloadType);
                field(digest, payloadRevision);
                field(digest, metaData);
                field(digest, payload);
                return HexFormat.of().formatHex(digest.digest());
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        private static void field(MessageDigest digest, String value) {
            field(digest, value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        }

        /** Each field with its length first (-1 for none), so no two different events hash the same bytes. */
        private static void field(MessageDigest digest, byte[] value) {
            digest.update(ByteBuffer.allocate(4).putInt(value == null ? -1 : value.length).array());
            if (value != null) {
                digest.update(value);
            }
        }
    }
}
