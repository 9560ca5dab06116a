package org.safeguarding.backbone.messaging.rebuild;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A projection's tables and their twins beside them ({@code <table>_rebuild}), each built to its live table's shape as
 * the migrations left it (columns and types, not-null columns, primary key, indexes, foreign keys, read from the
 * database's own metadata, so a later migration is followed without a change here), then switched into the live
 * tables' places under their own names for every index and constraint, so later migrations find what they expect.
 * H2 and PostgreSQL alike.
 *
 * <p>The switch is one transaction on PostgreSQL. H2 commits each rename by itself: a switch that fails half-way is
 * put back by {@link #restore} (each live table under its own name again, the twins dropped).
 *
 * @see <a href="../../../../../../../../../docs/adr/0012-rebuild-beside-then-switch.md">ADR 0012</a>
 */
public final class TablesBeside {

    private static final Logger LOG = LoggerFactory.getLogger(TablesBeside.class);

    /** The suffix of a table being rebuilt beside the live one. */
    public static final String SUFFIX = "_rebuild";

    private final List<Table> tables;
    private boolean indexed;
    private boolean keyed;

    /** {@code tables} in the order they may be created: a table before those whose foreign keys refer to it. */
    public TablesBeside(List<String> tables) {
        this.tables = tables.stream().map(Table::new).toList();
    }

    /** The twin's name of {@code table}. */
    public static String twinOf(String table) {
        return table + SUFFIX;
    }

    /**
     * Drops any twins left by an earlier attempt, and creates empty ones shaped like the live tables: columns, not
     * null, primary keys. Their other indexes and their foreign keys come once they are filled ({@link #index}): a
     * bulk load is faster without them (measured in the replay benchmark, docs/benchmarks.md).
     */
    public void create(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        create(jdbc, dataSource, true);
    }

    /**
     * As {@link #create(JdbcTemplate, DataSource)}, but without the primary keys too: they come with the other
     * indexes ({@link #index}). For a bulk load whose writer knows without asking the tables what it has written
     * already: rows then append, where a key makes every insert a search of the key's tree (on H2, most of a
     * rebuild's time). A duplicate key fails the rebuild at {@link #index}.
     */
    public void createWithoutKeys(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        create(jdbc, dataSource, false);
    }

    private void create(JdbcTemplate jdbc, DataSource dataSource, boolean keys) throws SQLException {
        for (Table table : tables) {
            table.readShape(dataSource);
        }
        drop(jdbc);
        for (Table table : tables) {
            table.create(jdbc, keys);
        }
        indexed = false;
        keyed = keys;
    }

    /**
     * The twins' primary keys if they were made without ({@link #createWithoutKeys}), their other indexes and foreign
     * keys, as the live tables have them: after the bulk of the rows, before the switch. A row that breaks a key
     * fails the rebuild here.
     */
    public void index(JdbcTemplate jdbc) {
        // one connection for them all: on PostgreSQL with room to sort in memory (its default of 64 MB spills an index
        // of a million rows to disk), given back as it was
        jdbc.execute((Connection connection) -> {
            boolean postgres = "PostgreSQL".equals(connection.getMetaData().getDatabaseProductName());
            JdbcTemplate one = new JdbcTemplate(new SingleConnectionDataSource(connection, true));
            if (postgres) {
                one.execute("set maintenance_work_mem = '256MB'");
            }
            try {
                if (!keyed) {
                    for (Table table : tables) {
                        table.primaryKey(one);
                    }
                    keyed = true;
                }
                for (Table table : tables) {
                    table.index(one, this);
                }
                // the planner's statistics of the rows just loaded: until the database gathers them by itself,
                // queries on the switched-in tables would be planned as for empty ones
                for (Table table : tables) {
                    timed(one, (postgres ? "analyze " : "analyze table ") + table.twin);
                }
            } finally {
                if (postgres) {
                    one.execute("reset maintenance_work_mem");
                }
            }
            return null;
        });
        indexed = true;
    }

    /**
     * The switch: every live table steps aside, its twin takes its name, the old ones are dropped, and the twins take
     * the live ones' index and constraint names. Run it in one transaction (atomic where the database's DDL is).
     */
    public void switchIn(JdbcTemplate jdbc) {
        if (!indexed) {
            throw new IllegalStateException("the tables beside have not been indexed: index() before the switch");
        }
        for (Table table : tables) {
            jdbc.execute("drop table if exists " + table.old);
        }
        for (Table table : tables) {
            jdbc.execute("alter table " + table.name + " rename to " + table.old);
        }
        for (Table table : tables) {
            jdbc.execute("alter table " + table.twin + " rename to " + table.name);
        }
        for (Table table : backwards()) {
            jdbc.execute("drop table " + table.old);
        }
        for (Table table : tables) {
            table.takeNames(jdbc);
        }
    }

    /**
     * The switch in one transaction, after {@code first} (in the same transaction): on a failure the live tables are
     * put back ({@link #restore}) and the failure thrown on.
     */
    public void switchInOrRestore(JdbcTemplate jdbc, DataSource dataSource, TransactionTemplate transaction,
                                  Runnable first) {
        try {
            transaction.executeWithoutResult(status -> {
                first.run();
                switchIn(jdbc);
            });
        } catch (RuntimeException e) {
            try {
                restore(jdbc, dataSource);
            } catch (Exception restoring) {
                e.addSuppressed(restoring);
            }
            throw e;
        }
    }

    /**
     * After a switch that failed (H2 commits each rename): puts every live table back under its own name where it had
     * stepped aside, and drops the twins. The live projection is then as it was before the rebuild.
     */
    public void restore(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        for (Table table : tables) {
            if (exists(dataSource, table.old)) {
                if (exists(dataSource, table.name)) {
                    jdbc.execute("alter table " + table.name + " rename to " + table.twin);
                }
                jdbc.execute("alter table " + table.old + " rename to " + table.name);
            }
        }
        drop(jdbc);
    }

    /** Drops the twins (a rebuild that failed, or one before it). */
    public void drop(JdbcTemplate jdbc) {
        for (Table table : backwards()) {
            jdbc.execute("drop table if exists " + table.twin);
        }
    }

    /** Tables whose foreign keys refer to others first. */
    private List<Table> backwards() {
        List<Table> backwards = new ArrayList<>(tables);
        Collections.reverse(backwards);
        return backwards;
    }

    private boolean rebuilt(String table) {
        return tables.stream().anyMatch(t -> t.name.equals(table));
    }

    /** A statement that builds an index, and how long it took (debug). */
    private static void timed(JdbcTemplate jdbc, String sql) {
        long started = System.nanoTime();
        jdbc.execute(sql);
        LOG.debug("{}: {} ms", sql, (System.nanoTime() - started) / 1_000_000);
    }

    private static boolean exists(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             ResultSet found = connection.getMetaData().getTables(null, connection.getSchema(),
                     stored(connection.getMetaData(), table), new String[] {"TABLE"})) {
            return found.next();
        }
    }

    /** The name as the database keeps it: H2 upper-case, PostgreSQL lower-case. */
    private static String stored(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }

    private static String twinName(String name) {
        return name + "_r";
    }

    /** One table and what its twin must have. */
    private static final class Table {

        private final String name;
        private final String twin;
        private final String old;
        private String primaryKeyName;
        private List<String> primaryKey = List.of();
        private final List<String> notNull = new ArrayList<>();
        private final Map<String, Index> indexes = new LinkedHashMap<>();
        private final Map<String, ForeignKey> foreignKeys = new LinkedHashMap<>();

        private record Index(boolean unique, List<String> columns) {
        }

        private record ForeignKey(List<String> columns, String referenced, List<String> referencedColumns) {
        }

        Table(String name) {
            this.name = name.toLowerCase(Locale.ROOT);
            this.twin = twinOf(this.name);
            this.old = this.name + "_old";
        }

        void create(JdbcTemplate jdbc, boolean keys) {
            jdbc.execute("create table " + twin + " as select * from " + name + " where 1 = 0");
            for (String column : notNull) {
                jdbc.execute("alter table " + twin + " alter column " + column + " set not null");
            }
            if (keys) {
                primaryKey(jdbc);
            }
        }

        void primaryKey(JdbcTemplate jdbc) {
            if (!primaryKey.isEmpty()) {
                timed(jdbc, "alter table " + twin + " add constraint " + twinName(primaryKeyName) + " primary key ("
                        + String.join(", ", primaryKey) + ")");
            }
        }

        /** The other indexes, then the foreign keys (which then use them, as the live ones do). */
        void index(JdbcTemplate jdbc, TablesBeside set) {
            indexes.forEach((index, shape) -> timed(jdbc, "create " + (shape.unique() ? "unique " : "") + "index "
                    + twinName(index) + " on " + twin + " (" + String.join(", ", shape.columns()) + ")"));
            foreignKeys.forEach((key, shape) -> jdbc.execute("alter table " + twin + " add constraint "
                    + twinName(key) + " foreign key (" + String.join(", ", shape.columns()) + ") references "
                    + (set.rebuilt(shape.referenced()) ? twinOf(shape.referenced()) : shape.referenced()) + " ("
                    + String.join(", ", shape.referencedColumns()) + ")"));
        }

        /** Once the old table is gone: the twin's key, indexes and foreign keys take the live ones' names. */
        void takeNames(JdbcTemplate jdbc) {
            if (!primaryKey.isEmpty()) {
                jdbc.execute("alter table " + name + " rename constraint " + twinName(primaryKeyName) + " to "
                        + primaryKeyName);
            }
            indexes.keySet().forEach(index -> jdbc.execute("alter index " + twinName(index) + " rename to " + index));
            foreignKeys.keySet().forEach(key -> jdbc.execute("alter table " + name + " rename constraint "
                    + twinName(key) + " to " + key));
        }

        void readShape(DataSource dataSource) throws SQLException {
            notNull.clear();
            indexes.clear();
            foreignKeys.clear();
            try (Connection connection = dataSource.getConnection()) {
                DatabaseMetaData meta = connection.getMetaData();
                String stored = stored(meta, name);
                String schema = connection.getSchema();
                Map<Short, String> keyColumns = new TreeMap<>();
                try (ResultSet keys = meta.getPrimaryKeys(null, schema, stored)) {
                    while (keys.next()) {
                        primaryKeyName = lower(keys.getString("PK_NAME"));
                        keyColumns.put(keys.getShort("KEY_SEQ"), lower(keys.getString("COLUMN_NAME")));
                    }
                }
                primaryKey = List.copyOf(keyColumns.values());
                try (ResultSet column = meta.getColumns(null, schema, stored, null)) {
                    while (column.next()) {
                        if ("NO".equals(column.getString("IS_NULLABLE"))) {
                            notNull.add(lower(column.getString("COLUMN_NAME")));
                        }
                    }
                }
                Map<String, TreeMap<Short, String[]>> foreign = new LinkedHashMap<>();
                try (ResultSet key = meta.getImportedKeys(null, schema, stored)) {
                    while (key.next()) {
                        foreign.computeIfAbsent(lower(key.getString("FK_NAME")), n -> new TreeMap<>())
                                .put(key.getShort("KEY_SEQ"), new String[] {lower(key.getString("FKCOLUMN_NAME")),
                                        lower(key.getString("PKTABLE_NAME")), lower(key.getString("PKCOLUMN_NAME"))});
                    }
                }
                foreign.forEach((key, ordered) -> foreignKeys.put(key, new ForeignKey(
                        ordered.values().stream().map(c -> c[0]).toList(), ordered.firstEntry().getValue()[1],
                        ordered.values().stream().map(c -> c[2]).toList())));
                Map<String, TreeMap<Short, String>> columns = new LinkedHashMap<>();
                Map<String, Boolean> unique = new LinkedHashMap<>();
                try (ResultSet index = meta.getIndexInfo(null, schema, stored, false, false)) {
                    while (index.next()) {
                        String indexName = index.getString("INDEX_NAME");
                        if (indexName == null) {
                            continue;
                        }
                        indexName = lower(indexName);
                        columns.computeIfAbsent(indexName, n -> new TreeMap<>())
                                .put(index.getShort("ORDINAL_POSITION"), lower(index.getString("COLUMN_NAME")));
                        unique.put(indexName, !index.getBoolean("NON_UNIQUE"));
                    }
                }
                columns.forEach((indexName, ordered) -> {
                    List<String> indexed = List.copyOf(ordered.values());
                    // the primary key's own index comes with the primary key; a foreign key's own (H2) is made
                    // here under its live name, before the key, which then uses it rather than making another
                    boolean keys = unique.get(indexName) && indexed.equals(primaryKey);
                    if (!keys) {
                        indexes.put(indexName, new Index(unique.get(indexName), indexed));
                    }
                });
            }
        }

        private static String lower(String name) {
            return name == null ? null : name.toLowerCase(Locale.ROOT);
        }
    }
}
