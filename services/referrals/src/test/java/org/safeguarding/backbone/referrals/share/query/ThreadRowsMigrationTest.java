package org.safeguarding.backbone.referrals.share.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/**
 * V21/V22 (issue 13 part 6): a thread stored as one JSON column before version 0.2 is moved, entry by entry and in
 * order, to its own rows, with its plain-language warnings, and the column goes.
 */
class ThreadRowsMigrationTest {

    private static final String[] LOCATIONS = {"classpath:db/axon/h2", "classpath:db/consumer",
            "classpath:db/deadlines/h2", "classpath:db/referrals"};

    @Test
    void aThreadStoredAsJsonIsMovedToRowsInOrder() throws Exception {
        String url = "jdbc:h2:mem:thread-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        Flyway.configure().dataSource(url, "sa", "").locations(LOCATIONS).target("20").load().migrate();
        try (Connection db = DriverManager.getConnection(url, "sa", "");
             Statement sql = db.createStatement()) {
            sql.execute("insert into share_view (share_id, child_id, sender_agency, thread_json) values ('s-1', "
                    + "'9990000018', 'school-a', '[{\"kind\":\"QUESTION\",\"questionId\":\"q-1\",\"agency\":\"csc-a\","
                    + "\"text\":\"Is the CIN plan current?\",\"at\":\"2026-11-20T09:15:00Z\",\"plainLanguageWarnings\":"
                    + "[{\"field\":\"question\",\"term\":\"CIN\",\"suggestion\":\"a child in need\"}]},"
                    + "{\"kind\":\"ANSWER\",\"questionId\":\"q-1\",\"agency\":\"school-a\",\"text\":\"Yes\","
                    + "\"at\":\"2026-11-20T10:15:00Z\"}]')");
            sql.execute("insert into share_view (share_id, child_id, sender_agency) values ('s-2', '9990000018', "
                    + "'school-a')");

            Flyway.configure().dataSource(url, "sa", "").locations(LOCATIONS).load().migrate();

            List<String> rows = new ArrayList<>();
            try (ResultSet thread = sql.executeQuery("select share_id, position, kind, question_id, agency, text, "
                    + "at, warnings_json from share_view_thread order by share_id, position")) {
                while (thread.next()) {
                    rows.add(thread.getString(1) + "|" + thread.getInt(2) + "|" + thread.getString(3) + "|"
                            + thread.getString(4) + "|" + thread.getString(5) + "|" + thread.getString(6) + "|"
                            + thread.getObject(7, java.time.OffsetDateTime.class).toInstant() + "|"
                            + thread.getString(8));
                }
            }
            assertThat(rows).containsExactly(
                    "s-1|0|QUESTION|q-1|csc-a|Is the CIN plan current?|2026-11-20T09:15:00Z|"
                            + "[{\"field\":\"question\",\"term\":\"CIN\",\"suggestion\":\"a child in need\"}]",
                    "s-1|1|ANSWER|q-1|school-a|Yes|2026-11-20T10:15:00Z|null");
            assertThatThrownBy(() -> sql.executeQuery("select thread_json from share_view"))
                    .hasMessageContaining("THREAD_JSON");
        }
    }
}
