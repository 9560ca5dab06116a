package org.safeguarding.backbone.chronology.timeline.query;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.List;
import org.postgresql.PGConnection;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows appended to a table in bulk, in the transaction under way: on PostgreSQL by {@code COPY ... FROM STDIN} (the
 * server parses and plans nothing a row; measured in the replay benchmark, docs/benchmarks.md), elsewhere by a batch
 * of inserts. For a rebuild's bulk load ({@link BulkLoad}); live acts are inserted as they come.
 */
final class BulkRows {

    private BulkRows() {
    }

    /** Appends {@code rows} (their values in the order of {@code columns}) to {@code table}. */
    static void append(JdbcTemplate jdbc, String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        jdbc.execute((Connection connection) -> {
            if (connection.isWrapperFor(PGConnection.class)) {
                copy(connection.unwrap(PGConnection.class), table, columns, rows);
            } else {
                jdbc.batchUpdate(insert(table, columns), rows);
            }
            return null;
        });
    }

    /** {@code insert into table (columns) values (?, ...)}. */
    static String insert(String table, String columns) {
        return "insert into " + table + " (" + columns + ") values ("
                + String.join(", ", Collections.nCopies(columns.split(",").length, "?")) + ")";
    }

    private static void copy(PGConnection connection, String table, String columns, List<Object[]> rows)
            throws SQLException {
        StringBuilder csv = new StringBuilder(rows.size() * 200);
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                csv(csv, row[i]);
            }
            csv.append('\n');
        }
        try {
            connection.getCopyAPI().copyIn("copy " + table + " (" + columns + ") from stdin (format csv)",
                    new StringReader(csv.toString()));
        } catch (IOException e) {
            throw new DataAccessResourceFailureException("could not copy rows into " + table, e);
        }
    }

    /**
     * A value as CSV: null unquoted and empty (COPY's null); a time as ISO-8601 in UTC; text quoted where it must be
     * (empty, or holding a quote, a comma, a line break or a backslash), its quotes doubled; anything else as it is.
     */
    private static void csv(StringBuilder csv, Object value) {
        if (value == null) {
            return;
        }
        if (value instanceof OffsetDateTime at) {
            Timestamps.append(csv, at);
            return;
        }
        String text = value.toString();
        if (!text.isEmpty() && plain(text)) {
            csv.append(text);
            return;
        }
        csv.append('"').append(text.replace("\"", "\"\"")).append('"');
    }

    private static boolean plain(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == ',' || c == '\n' || c == '\r' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /** Times written as PostgreSQL reads them, without a formatter's cost for each: most of the rows' text is times. */
    static final class Timestamps {

        private Timestamps() {
        }

        /** {@code at} in UTC as {@code yyyy-MM-ddTHH:mm:ss.ffffffZ} (microseconds: the columns' precision). */
        static void append(StringBuilder csv, OffsetDateTime at) {
            OffsetDateTime utc = at.getOffset().getTotalSeconds() == 0 ? at
                    : at.withOffsetSameInstant(java.time.ZoneOffset.UTC);
            int year = utc.getYear();
            if (year < 1000 || year > 9999) {
                csv.append(utc.toInstant());
                return;
            }
            csv.append(year).append('-');
            two(csv, utc.getMonthValue()).append('-');
            two(csv, utc.getDayOfMonth()).append('T');
            two(csv, utc.getHour()).append(':');
            two(csv, utc.getMinute()).append(':');
            two(csv, utc.getSecond()).append('.');
            String micros = Integer.toString(utc.getNano() / 1_000 + 1_000_000);
            csv.append(micros, 1, 7).append('Z');
        }

        private static StringBuilder two(StringBuilder csv, int value) {
            return csv.append((char) ('0' + value / 10)).append((char) ('0' + value % 10));
        }
    }
}
