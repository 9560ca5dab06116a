package org.safeguarding.backbone.referrals.childkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.JdbcChildKeys;
import org.safeguarding.backbone.kernel.childkeys.LocalKeyEncryptionKey;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.testsupport.PostgresDatabase;

/**
 * ADR 0015 on the production store: a service that kept its children's keys in its own PostgreSQL database moves them
 * to the store the four services share; what it sealed opens there, an erasure keeps its moment to the microsecond,
 * and no key is left behind.
 */
class PostgresKeyStoreMoveTest {

    private static final String CHILD = "9990001863";
    private static final String OTHER_CHILD = "9990001871";

    @TempDir
    Path dir;

    private static PGSimpleDataSource schema(String prefix) {
        List<String> database = PostgresDatabase.freshSchemaFor(prefix);
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setURL(database.get(0));
        source.setUser(database.get(1));
        source.setPassword(database.get(2));
        return source;
    }

    @Test
    void keysInAServicesOwnDatabase_moveToTheSharedStore_withTheirErasures() throws Exception {
        PGSimpleDataSource own = schema("key-move-own");
        PGSimpleDataSource shared = schema("key-move-shared");
        LocalKeyEncryptionKey kek = LocalKeyEncryptionKey.at(dir.resolve("kek"), true);
        JdbcChildKeys before = new JdbcChildKeys(own, kek, Clock.systemUTC(), Duration.ofMinutes(5));
        String said = new Sealing(before).seal(CHILD, "said before the move");
        String erased = new Sealing(before).seal(OTHER_CHILD, "erased before the move");
        Instant erasedAt = Instant.now().plusSeconds(1).truncatedTo(ChronoUnit.MICROS);
        before.erase(OTHER_CHILD, "retention ended", erasedAt);

        JdbcChildKeys keys = new JdbcChildKeys(shared, kek, Clock.systemUTC(), Duration.ofMinutes(5));
        assertThat(keys.adoptFrom(own)).isEqualTo(2);

        Sealing sealing = new Sealing(keys);
        assertThat(sealing.open(said)).isEqualTo("said before the move");
        assertThat(sealing.opened(erased).erased()).isTrue();
        assertThat(keys.lastErasures(List.of(OTHER_CHILD))).extractingByKey(OTHER_CHILD)
                .extracting(ChildKeys.Erased::erasedAt).isEqualTo(erasedAt);
        try (var connection = own.getConnection(); var rows = connection.createStatement()
                .executeQuery("SELECT COUNT(*) FROM child_key")) {
            rows.next();
            assertThat(rows.getInt(1)).as("keys left in the service's own database").isZero();
        }
        assertThat(keys.adoptFrom(shared)).as("the shared store into itself").isZero();
        assertThat(sealing.open(said)).isEqualTo("said before the move");
    }
}
