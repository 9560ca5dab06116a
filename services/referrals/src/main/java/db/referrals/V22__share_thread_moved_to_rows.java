package db.referrals;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.safeguarding.backbone.referrals.share.query.ShareView;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Moves each stored thread from the share's {@code thread_json} column to one row per entry in
 * {@code share_view_thread} (V21), in order, then drops the column: the read view stays whole without a replay.
 * The class name is Flyway's: version 22, found in the migrations' location.
 */
public class V22__share_thread_moved_to_rows extends BaseJavaMigration {

    private static final JsonMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();
    private static final TypeReference<List<ShareView.ThreadEntry>> THREAD = new TypeReference<>() { };

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        try (Statement select = connection.createStatement();
             ResultSet threads = select.executeQuery(
                     "select share_id, thread_json from share_view where thread_json is not null");
             PreparedStatement insert = connection.prepareStatement("insert into share_view_thread "
                     + "(share_id, position, kind, question_id, agency, text, at, warnings_json) "
                     + "values (?, ?, ?, ?, ?, ?, ?, ?)")) {
            while (threads.next()) {
                List<ShareView.ThreadEntry> thread = JSON.readValue(threads.getString("thread_json"), THREAD);
                for (int position = 0; position < thread.size(); position++) {
                    ShareView.ThreadEntry entry = thread.get(position);
                    insert.setString(1, threads.getString("share_id"));
                    insert.setInt(2, position);
                    insert.setString(3, entry.kind().name());
                    insert.setString(4, entry.questionId());
                    insert.setString(5, entry.agency());
                    insert.setString(6, entry.text());
                    insert.setObject(7, entry.at().atOffset(ZoneOffset.UTC));
                    insert.setString(8, entry.plainLanguageWarnings().isEmpty() ? null
                            : JSON.writeValueAsString(entry.plainLanguageWarnings()));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
        }
        try (Statement drop = connection.createStatement()) {
            drop.execute("alter table share_view drop column thread_json");
        }
    }
}
