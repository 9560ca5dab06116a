package org.safeguarding.backbone.chronology.timeline.integration;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A table and its twin beside it ({@code <table>_rebuild}), built to the live table's shape as the migrations left it
 * (columns and types, not-null columns, primary key, indexes, read from the database's own metadata, so a later
 * migration is followed without a change here), and then put in its place under the live table's own names for every
 * index and the primary key, so later migrations find what they expect. H2 and PostgreSQL alike.
 */
final class TableBeside {

    private final String table;
    private final String twin;
    private final String old;

    /** The primary key's constraint name and columns, the columns not null, and each other index. */
    private String primaryKeyName;
    private List<String> primaryKey = List.of();
    private final List<String> notNull = new ArrayList<>();
    private final Map<String, Index> indexes = new LinkedHashMap<>();

    private record Index(boolean unique, List<String> columns) {
    }

    TableBeside(String table, String suffix) {
        this.table = table;
        this.twin = table + suffix;
        this.old = table + "_old";
    }

    /** Drops any twin left by an earlier attempt, and creates an empty one shaped like the live table. */
    void create(JdbcTemplate jdbc, DataSource dataSource) throws SQLException {
        readShape(dataSource);
        jdbc.execute("drop table if exists " + twin);
        jdbc.execute("create table " + twin + " as select * from " + table + " where 1 = 0");
        for (String column : notNull) {
            jdbc.execute("alter table " + twin + " alter column " + column + " set not null");
        }
        if (!primaryKey.isEmpty()) {
            jdbc.execute("alter table " + twin + " add constraint " + twinName(primaryKeyName) + " primary key ("
                    + String.join(", ", primaryKey) + ")");
        }
        indexes.forEach((name, index) -> jdbc.execute("create " + (index.unique() ? "unique " : "") + "index "
                + twinName(name) + " on " + twin + " (" + String.join(", ", index.columns()) + ")"));
    }

    /** Step one of the switch: the live table steps aside. */
    void stepAside(JdbcTemplate jdbc) {
        jdbc.execute("drop table if exists " + old);
        jdbc.execute("alter table " + table + " rename to " + old);
    }

    /** Step two: the twin takes the live table's name, and once the old one is gone, its index names. */
    void takePlace(JdbcTemplate jdbc) {
        jdbc.execute("alter table " + twin + " rename to " + table);
        jdbc.execute("drop table " + old);
        if (!primaryKey.isEmpty()) {
            jdbc.execute("alter table " + table + " rename constraint " + twinName(primaryKeyName) + " to "
                    + primaryKeyName);
        }
        indexes.keySet().forEach(name -> jdbc.execute("alter index " + twinName(name) + " rename to " + name));
    }

    /** Drops the twin (a rebuild that failed). */
    void drop(JdbcTemplate jdbc) {
        jdbc.execute("drop table if exists " + twin);
    }

    private static String twinName(String name) {
        return name + "_r";
    }

    private void readShape(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String name = stored(meta, table);
            String schema = connection.getSchema();
            Map<Short, String> keyColumns = new TreeMap<>();
            try (ResultSet keys = meta.getPrimaryKeys(null, schema, name)) {
                while (keys.next()) {
                    primaryKeyName = keys.getString("PK_NAME").toLowerCase(Locale.ROOT);
                    keyColumns.put(keys.getShort("KEY_SEQ"), keys.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                }
            }
            primaryKey = List.copyOf(keyColumns.values());
            try (ResultSet column = meta.getColumns(null, schema, name, null)) {
                while (column.next()) {
                    if ("NO".equals(column.getString("IS_NULLABLE"))) {
                        notNull.add(column.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
            Map<String, TreeMap<Short, String>> columns = new LinkedHashMap<>();
            Map<String, Boolean> unique = new LinkedHashMap<>();
            try (ResultSet index = meta.getIndexInfo(null, schema, name, false, false)) {
                while (index.next()) {
                    String indexName = index.getString("INDEX_NAME");
                    if (indexName == null) {
                        continue;
                    }
                    indexName = indexName.toLowerCase(Locale.ROOT);
                    columns.computeIfAbsent(indexName, n -> new TreeMap<>()).put(index.getShort("ORDINAL_POSITION"),
                            index.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
                    unique.put(indexName, !index.getBoolean("NON_UNIQUE"));
                }
            }
            columns.forEach((indexName, ordered) -> {
                List<String> indexed = List.copyOf(ordered.values());
                // the primary key's own index comes with the primary key
                if (!(unique.get(indexName) && indexed.equals(primaryKey))) {
                    indexes.put(indexName, new Index(unique.get(indexName), indexed));
                }
            });
        }
    }

    /** The name as the database keeps it: H2 upper-case, PostgreSQL lower-case. */
    private static String stored(DatabaseMetaData meta, String name) throws SQLException {
        return meta.storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name.toLowerCase(Locale.ROOT);
    }
}
