package org.safeguarding.backbone.chronology.timeline.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.PostgresDatabase;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rows appended in bulk read back as they were written, whatever their text holds: by COPY on PostgreSQL (the text
 * written as CSV by hand, times too), by a batch of inserts on H2.
 */
class BulkRowsTest {

    private static final String COLUMNS = "id, note, at, n, yes";

    @Test
    void onPostgres_copiedRowsReadBackAsWritten() {
        List<String> database = PostgresDatabase.freshSchemaFor("bulkrows");
        DriverManagerDataSource dataSource = new DriverManagerDataSource(database.get(0), database.get(1),
                database.get(2));
        readBackAsWritten(dataSource, "timestamp(6) with time zone");
    }

    @Test
    void onH2_insertedRowsReadBackAsWritten() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:bulkrows;DB_CLOSE_DELAY=-1");
        readBackAsWritten(dataSource, "timestamp(6) with time zone");
    }

    private static void readBackAsWritten(javax.sql.DataSource dataSource, String timeType) {
        JdbcTemplate jdbc = new JdbcTemplate(dataSource);
        jdbc.execute("create table bulk_row (id int not null, note varchar(2000), at " + timeType
                + ", n bigint, yes boolean)");
        List<Object[]> rows = new ArrayList<>();
        List<String> awkward = Arrays.asList(null, "", " ", "plain", "a,b", "say \"no\"", "\"", "\"\"", "line\nbreak",
                "cr\r\nlf", "back\\slash", "\\.", "\\N", "NULL", "  padded  ", "é ü ß ✓ 🧒", ",", "\t tab");
        Random random = new Random(11);
        for (int i = 0; i < awkward.size() * 20; i++) {
            String note = awkward.get(i % awkward.size());
            if (i >= awkward.size()) {
                note = note == null ? null : note + awkward.get(random.nextInt(awkward.size() - 1) + 1) + note;
            }
            OffsetDateTime at = i % 7 == 0 ? null : OffsetDateTime.parse("2026-11-27T09:15:30.123456Z")
                    .plusNanos(random.nextInt(1_000_000_000) / 1000 * 1000L).plusDays(random.nextInt(4000) - 2000);
            if (i % 5 == 0 && at != null) {
                at = at.withOffsetSameInstant(java.time.ZoneOffset.ofHours(i % 2 == 0 ? 1 : -5));
            }
            rows.add(new Object[] {i, note, at, i % 3 == 0 ? null : random.nextLong(), i % 4 == 0 ? null : i % 2 == 0});
        }
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(status ->
                BulkRows.append(jdbc, "bulk_row", COLUMNS, rows));

        List<Map<String, Object>> read = jdbc.queryForList("select " + COLUMNS + " from bulk_row order by id");
        assertThat(read).hasSize(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            Map<String, Object> back = read.get(i);
            assertThat(back.get("note")).as("row %d", i).isEqualTo(row[1]);
            OffsetDateTime at = jdbc.queryForObject("select at from bulk_row where id = ?", OffsetDateTime.class, i);
            assertThat(at == null ? null : at.toInstant()).as("row %d", i)
                    .isEqualTo(row[2] == null ? null : ((OffsetDateTime) row[2]).toInstant());
            assertThat(back.get("n")).as("row %d", i).isEqualTo(row[3]);
            assertThat(back.get("yes")).as("row %d", i).isEqualTo(row[4]);
        }
    }
}
