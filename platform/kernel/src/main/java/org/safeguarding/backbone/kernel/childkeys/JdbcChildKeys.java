package org.safeguarding.backbone.kernel.childkeys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.spec.SecretKeySpec;
import javax.sql.DataSource;

/**
 * The children's data keys in a database ({@code child_key}, {@code child_legal_hold}), each stored only wrapped by
 * the key-encryption key. The tables are made when missing ({@code CREATE TABLE IF NOT EXISTS}): the key store may be
 * shared by services, none of which owns its schema. H2 and PostgreSQL.
 *
 * <p>Keys read are kept in memory for {@code cacheFor}: an erasure takes effect at once in the process that erases,
 * and in any other process sharing the store within that time. At most {@code cacheSize} children's keys (and as
 * many keys by id) are kept, the least recently used dropped first.
 */
public final class JdbcChildKeys implements ChildKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DataSource dataSource;
    private final KeyEncryptionKey keyEncryptionKey;
    private final Clock clock;
    private final Duration cacheFor;
    private final KeyCache<Cached> byChild;
    private final KeyCache<Cached> byKeyId;

    private record Cached(KeyState state, Instant until) {
    }

    /** The default number of children whose keys are kept in memory. */
    public static final int DEFAULT_CACHE_SIZE = 20_000;

    public JdbcChildKeys(DataSource dataSource, KeyEncryptionKey keyEncryptionKey, Clock clock, Duration cacheFor) {
        this(dataSource, keyEncryptionKey, clock, cacheFor, DEFAULT_CACHE_SIZE);
    }

    public JdbcChildKeys(DataSource dataSource, KeyEncryptionKey keyEncryptionKey, Clock clock, Duration cacheFor,
                         int cacheSize) {
        this.byChild = new KeyCache<>(cacheSize);
        this.byKeyId = new KeyCache<>(cacheSize);
        this.dataSource = dataSource;
        this.keyEncryptionKey = keyEncryptionKey;
        this.clock = clock;
        this.cacheFor = cacheFor;
        createTables();
    }

    private void createTables() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            boolean postgres = connection.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            String bytes = postgres ? "BYTEA" : "VARBINARY(256)";
            String[] ddl = {
                "CREATE TABLE IF NOT EXISTS child_key (key_id VARCHAR(36) PRIMARY KEY, child_id VARCHAR(64) NOT NULL, "
                    + "wrapped_key " + bytes + ", wrapped_by VARCHAR(100) NOT NULL, created_at TIMESTAMP WITH TIME ZONE NOT NULL, "
                    + "erased_at TIMESTAMP WITH TIME ZONE, erasure_reason VARCHAR(400))",
                "CREATE INDEX IF NOT EXISTS child_key_child ON child_key (child_id)",
                "CREATE TABLE IF NOT EXISTS child_legal_hold (hold_id VARCHAR(36) PRIMARY KEY, "
                    + "child_id VARCHAR(64) NOT NULL, purpose VARCHAR(20) NOT NULL, reference VARCHAR(400) NOT NULL, "
                    + "placed_by VARCHAR(200) NOT NULL, placed_at TIMESTAMP WITH TIME ZONE NOT NULL, released_by VARCHAR(200), "
                    + "released_at TIMESTAMP WITH TIME ZONE)",
                "CREATE INDEX IF NOT EXISTS child_legal_hold_child ON child_legal_hold (child_id)",
                // each erasure of a child, whether or not it had keys here: what arrives later from before it, or is
                // rebuilt, is kept erased
                "CREATE TABLE IF NOT EXISTS child_erasure (child_id VARCHAR(64) NOT NULL, "
                    + "erased_at TIMESTAMP WITH TIME ZONE NOT NULL, reason VARCHAR(400) NOT NULL, "
                    + "PRIMARY KEY (child_id, erased_at))",
                // which store this is: a store is never moved into itself (adoptFrom)
                "CREATE TABLE IF NOT EXISTS child_key_store (store_id VARCHAR(36) PRIMARY KEY)"};
            for (String each : ddl) {
                try {
                    statement.execute(each);
                } catch (SQLException e) {
                    // another service sharing the store made it at the same moment (PostgreSQL's IF NOT EXISTS is
                    // not safe against a concurrent create): it exists now, or the next statement says why not
                    if (!exists(connection)) {
                        throw e;
                    }
                }
            }
            try (ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM child_key_store")) {
                rows.next();
                if (rows.getInt(1) == 0) {
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO child_key_store (store_id) VALUES (?)")) {
                        insert.setString(1, UUID.randomUUID().toString());
                        insert.executeUpdate();
                    } catch (SQLException e) {
                        // another service sharing the store named it at the same moment: it has its id
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the children's key store: " + e.getMessage(), e);
        }
    }

    /**
     * Moves into this store what a service kept in {@code previous} (its own database, before the services shared
     * one store): its keys, holds and erasures, copied where missing here (a key erased in either is erased here), then
     * removed there, so an erasure here destroys the only copy and a later start finds nothing left to move. Nothing
     * when {@code previous} holds no key store, or is this store. Idempotent.
     *
     * @return the number of keys moved
     */
    public int adoptFrom(DataSource previous) {
        try (Connection from = previous.getConnection()) {
            if (!exists(from)) {
                return 0;
            }
            String here = sql(JdbcChildKeys::storeId);
            if (here != null && here.equals(storeId(from))) {
                return 0;
            }
            List<Object[]> keys = rows(from, "SELECT key_id, child_id, wrapped_key, wrapped_by, created_at, erased_at, "
                    + "erasure_reason FROM child_key", 7);
            List<Object[]> holds = rows(from, HOLD_COLUMNS, 8);
            List<Object[]> erasures = rows(from, "SELECT child_id, erased_at, reason FROM child_erasure", 3);
            if (keys.isEmpty() && holds.isEmpty() && erasures.isEmpty()) {
                return 0;
            }
            inTransaction(to -> {
                for (Object[] key : keys) {
                    if (absent(to, "SELECT COUNT(*) FROM child_key WHERE key_id = ?", key[0])) {
                        write(to, "INSERT INTO child_key (key_id, child_id, wrapped_key, wrapped_by, created_at, "
                                + "erased_at, erasure_reason) VALUES (?, ?, ?, ?, ?, ?, ?)", key);
                    } else if (key[5] != null) {
                        write(to, "UPDATE child_key SET wrapped_key = NULL, erased_at = ?, erasure_reason = ? "
                                + "WHERE key_id = ? AND erased_at IS NULL", new Object[] {key[5], key[6], key[0]});
                    }
                }
                for (Object[] hold : holds) {
                    if (absent(to, "SELECT COUNT(*) FROM child_legal_hold WHERE hold_id = ?", hold[0])) {
                        write(to, "INSERT INTO child_legal_hold (hold_id, child_id, purpose, reference, placed_by, "
                                + "placed_at, released_by, released_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", hold);
                    } else if (hold[7] != null) {
                        write(to, "UPDATE child_legal_hold SET released_by = ?, released_at = ? WHERE hold_id = ? "
                                + "AND released_at IS NULL", new Object[] {hold[6], hold[7], hold[0]});
                    }
                }
                for (Object[] erasure : erasures) {
                    if (absent(to, "SELECT COUNT(*) FROM child_erasure WHERE child_id = ? AND erased_at = ?",
                            erasure[0], erasure[1])) {
                        write(to, "INSERT INTO child_erasure (child_id, erased_at, reason) VALUES (?, ?, ?)",
                                erasure);
                    }
                }
                return null;
            });
            // only once they are here: the keys there would outlive an erasure here; the holds and erasures would be
            // looked up again at every start
            remove(from, "DELETE FROM child_key WHERE key_id = ?", keys, 1);
            remove(from, "DELETE FROM child_legal_hold WHERE hold_id = ?", holds, 1);
            remove(from, "DELETE FROM child_erasure WHERE child_id = ? AND erased_at = ?", erasures, 2);
            byChild.removeIf(any -> true);
            byKeyId.removeIf(any -> true);
            return keys.size();
        } catch (SQLException e) {
            throw new IllegalStateException("The keys in the service's own database could not be moved to the "
                    + "children's key store: " + e.getMessage(), e);
        }
    }

    /** Deletes each of {@code rows} by its first {@code keyColumns} values. */
    private static void remove(Connection connection, String delete, List<Object[]> rows, int keyColumns)
            throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(delete)) {
            for (Object[] row : rows) {
                for (int i = 0; i < keyColumns; i++) {
                    statement.setObject(i + 1, row[i]);
                }
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    private static String storeId(Connection connection) {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MIN(store_id) FROM child_key_store")) {
            return rows.next() ? rows.getString(1) : null;
        } catch (SQLException e) {
            // a store made before stores had ids: not this one, which has
            return null;
        }
    }

    private static List<Object[]> rows(Connection connection, String select, int columns) throws SQLException {
        List<Object[]> all = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(select)) {
            ResultSetMetaData meta = rows.getMetaData();
            while (rows.next()) {
                Object[] row = new Object[columns];
                for (int i = 0; i < columns; i++) {
                    int type = meta.getColumnType(i + 1);
                    // instants as instants, whichever database each store is on (PostgreSQL's driver would give a
                    // Timestamp read in this JVM's zone)
                    row[i] = type == Types.TIMESTAMP_WITH_TIMEZONE || type == Types.TIMESTAMP
                            ? rows.getObject(i + 1, OffsetDateTime.class) : rows.getObject(i + 1);
                }
                all.add(row);
            }
        }
        return all;
    }

    private static boolean absent(Connection connection, String count, Object... keys) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(count)) {
            for (int i = 0; i < keys.length; i++) {
                select.setObject(i + 1, keys[i]);
            }
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getInt(1) == 0;
            }
        }
    }

    private static void write(Connection connection, String statement, Object[] values) throws SQLException {
        try (PreparedStatement write = connection.prepareStatement(statement)) {
            for (int i = 0; i < values.length; i++) {
                write.setObject(i + 1, values[i]);
            }
            write.executeUpdate();
        }
    }

    private static boolean exists(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.executeQuery("SELECT COUNT(*) FROM child_key WHERE 1 = 0").close();
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public DataKey current(String childId) {
        Instant now = clock.instant();
        Cached cached = byChild.get(childId);
        if (cached != null && cached.until().isAfter(now) && cached.state() instanceof Live live) {
            return live.key();
        }
        DataKey key = sql(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT key_id, wrapped_key, wrapped_by "
                    + "FROM child_key WHERE child_id = ? AND erased_at IS NULL ORDER BY created_at, key_id")) {
                select.setString(1, childId);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return unwrap(rows.getString(1), childId, rows.getBytes(2), rows.getString(3));
                    }
                }
            }
            return make(connection, childId, now);
        });
        Cached fresh = new Cached(new Live(key), now.plus(cacheFor));
        byChild.put(childId, fresh);
        byKeyId.put(key.keyId(), fresh);
        return key;
    }

    private DataKey make(Connection connection, String childId, Instant now) throws SQLException {
        byte[] raw = new byte[32];
        RANDOM.nextBytes(raw);
        String keyId = UUID.randomUUID().toString();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO child_key (key_id, child_id, "
                + "wrapped_key, wrapped_by, created_at) VALUES (?, ?, ?, ?, ?)")) {
            insert.setString(1, keyId);
            insert.setString(2, childId);
            insert.setBytes(3, keyEncryptionKey.wrap(raw, context(keyId, childId)));
            insert.setString(4, keyEncryptionKey.id());
            insert.setObject(5, utc(now));
            insert.executeUpdate();
        }
        return new DataKey(keyId, childId, new SecretKeySpec(raw, "AES"));
    }

    private DataKey unwrap(String keyId, String childId, byte[] wrapped, String wrappedBy) {
        if (!keyEncryptionKey.id().equals(wrappedBy)) {
            throw new IllegalStateException("Child data key " + keyId + " was wrapped by key-encryption key "
                    + wrappedBy + ", not by " + keyEncryptionKey.id() + " this service holds");
        }
        return new DataKey(keyId, childId,
                new SecretKeySpec(keyEncryptionKey.unwrap(wrapped, context(keyId, childId)), "AES"));
    }

    private static byte[] context(String keyId, String childId) {
        return ("child-key:" + keyId + ":" + childId).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public Optional<KeyState> find(String keyId) {
        Instant now = clock.instant();
        Cached cached = byKeyId.get(keyId);
        if (cached != null && (cached.until().isAfter(now) || cached.state() instanceof Erased)) {
            return Optional.of(cached.state());
        }
        Optional<KeyState> state = sql(connection -> {
            try (PreparedStatement select = connection.prepareStatement("SELECT child_id, wrapped_key, wrapped_by, "
                    + "erased_at, erasure_reason FROM child_key WHERE key_id = ?")) {
                select.setString(1, keyId);
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        return Optional.<KeyState>empty();
                    }
                    String childId = rows.getString(1);
                    OffsetDateTime erasedAt = rows.getObject(4, OffsetDateTime.class);
                    if (erasedAt != null) {
                        return Optional.<KeyState>of(new Erased(keyId, childId, erasedAt.toInstant(),
                                rows.getString(5)));
                    }
                    return Optional.<KeyState>of(new Live(unwrap(keyId, childId, rows.getBytes(2),
                            rows.getString(3))));
                }
            }
        });
        state.ifPresent(found -> byKeyId.put(keyId, new Cached(found, now.plus(cacheFor))));
        return state;
    }

    @Override
    public Erasure erase(String childId, String reason, Instant at) {
        int destroyed = inTransaction(connection -> {
            // the child's keys are locked first, as placing a hold does: a hold placed while this runs waits for it,
            // and one placed just before is seen here
            lockKeys(connection, childId);
            List<LegalHold> holds = openHolds(connection, childId);
            if (!holds.isEmpty()) {
                throw new UnderLegalHold(holds);
            }
            int count;
            try (PreparedStatement update = connection.prepareStatement("UPDATE child_key SET wrapped_key = NULL,"
                    + " erased_at = ?, erasure_reason = ? WHERE child_id = ? AND erased_at IS NULL AND created_at <= ?")) {
                update.setObject(1, utc(at));
                update.setString(2, reason);
                update.setString(3, childId);
                update.setObject(4, utc(at));
                count = update.executeUpdate();
            }
            try (PreparedStatement recorded = connection.prepareStatement(
                    "SELECT COUNT(*) FROM child_erasure WHERE child_id = ? AND erased_at = ?")) {
                recorded.setString(1, childId);
                recorded.setObject(2, utc(at));
                try (ResultSet rows = recorded.executeQuery()) {
                    rows.next();
                    if (rows.getInt(1) == 0) {
                        try (PreparedStatement insert = connection.prepareStatement(
                                "INSERT INTO child_erasure (child_id, erased_at, reason) VALUES (?, ?, ?)")) {
                            insert.setString(1, childId);
                            insert.setObject(2, utc(at));
                            insert.setString(3, reason);
                            insert.executeUpdate();
                        }
                    }
                }
            }
            return count;
        });
        byChild.remove(childId);
        byKeyId.removeIf(cached -> cached.state().childId().equals(childId));
        return new Erasure(childId, destroyed, at, reason);
    }

    @Override
    public LegalHold placeHold(String holdId, String childId, LegalHold.Purpose purpose, String reference,
                               String placedBy, Instant at) {
        LegalHold hold = new LegalHold(holdId, childId, purpose, reference, placedBy, at, null, null);
        return inTransaction(connection -> {
            lockKeys(connection, childId);
            try (PreparedStatement select = connection.prepareStatement(HOLD_COLUMNS + " WHERE hold_id = ?")) {
                select.setString(1, holdId);
                try (ResultSet rows = select.executeQuery()) {
                    if (rows.next()) {
                        return hold(rows);
                    }
                }
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO child_legal_hold (hold_id, "
                    + "child_id, purpose, reference, placed_by, placed_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, hold.holdId());
                insert.setString(2, childId);
                insert.setString(3, purpose.name());
                insert.setString(4, reference);
                insert.setString(5, placedBy);
                insert.setObject(6, utc(at));
                insert.executeUpdate();
            }
            return hold;
        });
    }

    @Override
    public Optional<LegalHold> releaseHold(String holdId, String releasedBy, Instant at) {
        return sql(connection -> {
            try (PreparedStatement update = connection.prepareStatement("UPDATE child_legal_hold SET released_by = ?, "
                    + "released_at = ? WHERE hold_id = ? AND released_at IS NULL")) {
                update.setString(1, releasedBy);
                update.setObject(2, utc(at));
                update.setString(3, holdId);
                if (update.executeUpdate() == 0) {
                    return Optional.<LegalHold>empty();
                }
            }
            try (PreparedStatement select = connection.prepareStatement(HOLD_COLUMNS + " WHERE hold_id = ?")) {
                select.setString(1, holdId);
                try (ResultSet rows = select.executeQuery()) {
                    return rows.next() ? Optional.of(hold(rows)) : Optional.<LegalHold>empty();
                }
            }
        });
    }

    @Override
    public Map<String, Erased> lastErasures(Collection<String> childIds) {
        if (childIds.isEmpty()) {
            return Map.of();
        }
        List<String> children = List.copyOf(new java.util.LinkedHashSet<>(childIds));
        return sql(connection -> {
            Map<String, Erased> last = new java.util.HashMap<>();
            try (PreparedStatement select = connection.prepareStatement("SELECT child_id, erased_at, reason "
                    + "FROM child_erasure WHERE child_id IN ("
                    + String.join(", ", java.util.Collections.nCopies(children.size(), "?")) + ")")) {
                for (int i = 0; i < children.size(); i++) {
                    select.setString(i + 1, children.get(i));
                }
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        Erased erased = new Erased(null, rows.getString(1),
                                rows.getObject(2, OffsetDateTime.class).toInstant(), rows.getString(3));
                        last.merge(erased.childId(), erased,
                                (a, b) -> a.erasedAt().isAfter(b.erasedAt()) ? a : b);
                    }
                }
            }
            return last;
        });
    }

    @Override
    public List<LegalHold> openHolds(String childId) {
        return sql(connection -> openHolds(connection, childId));
    }

    private static final String HOLD_COLUMNS = "SELECT hold_id, child_id, purpose, reference, placed_by, placed_at, "
            + "released_by, released_at FROM child_legal_hold";

    private static List<LegalHold> openHolds(Connection connection, String childId) throws SQLException {
        List<LegalHold> holds = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(HOLD_COLUMNS
                + " WHERE child_id = ? AND released_at IS NULL ORDER BY placed_at")) {
            select.setString(1, childId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    holds.add(hold(rows));
                }
            }
        }
        return holds;
    }

    private static LegalHold hold(ResultSet rows) throws SQLException {
        OffsetDateTime released = rows.getObject(8, OffsetDateTime.class);
        return new LegalHold(rows.getString(1), rows.getString(2), LegalHold.Purpose.valueOf(rows.getString(3)),
                rows.getString(4), rows.getString(5), rows.getObject(6, OffsetDateTime.class).toInstant(),
                rows.getString(7),
                released == null ? null : released.toInstant());
    }

    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private static void lockKeys(Connection connection, String childId) throws SQLException {
        try (PreparedStatement lock = connection.prepareStatement(
                "SELECT key_id FROM child_key WHERE child_id = ? FOR UPDATE")) {
            lock.setString(1, childId);
            lock.executeQuery().close();
        }
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }

    private <T> T inTransaction(Work<T> work) {
        return sql(connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private <T> T sql(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("The children's key store could not be read or written: "
                    + e.getMessage(), e);
        }
    }
}
