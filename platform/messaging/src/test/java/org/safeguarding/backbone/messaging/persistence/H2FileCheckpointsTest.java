package org.safeguarding.backbone.messaging.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: a commit made durable ({@link H2FileCheckpoints}) survives its process being killed at once; without it,
 * H2 keeps a commit in memory for up to half a second and a kill in that time loses it (EmbeddedStoreDurabilityTest).
 */
class H2FileCheckpointsTest {

    static String url(Path dir) {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath();
    }

    @Test
    void aCommitMadeDurable_survivesItsProcessKilledAtOnce_whereOneNotMadeDurableIsLost(@TempDir Path dir)
            throws Exception {
        int rounds = 8;
        assertThat(killedAtOnce(dir.resolve("plain"), "plain", rounds)).as("commits kept without waiting: H2 had "
                + "not written them when the process was killed (else this test would prove nothing)")
                .hasSizeLessThan(rounds);
        assertThat(killedAtOnce(dir.resolve("durable"), "durable", rounds)).as("commits made durable before the "
                + "kill").hasSize(rounds);
    }

    /** Rounds of a writer committing a row (and making it durable, or not), killed the moment it says so. */
    private static List<Integer> killedAtOnce(Path dir, String mode, int rounds) throws Exception {
        for (int round = 0; round < rounds; round++) {
            Process writer = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), Writer.class.getName(), url(dir),
                    String.valueOf(round), mode).redirectErrorStream(true).start();
            try (BufferedReader out = new BufferedReader(new InputStreamReader(writer.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = out.readLine()) != null && !line.equals("answered " + round)) {
                    assertThat(line).as("the writer's output").doesNotContain("Exception");
                }
                assertThat(line).as("the writer answered").isEqualTo("answered " + round);
                writer.destroyForcibly();
                assertThat(writer.waitFor(10, TimeUnit.SECONDS)).isTrue();
            }
        }
        List<Integer> kept = new ArrayList<>();
        try (Connection store = dataSource(url(dir)).getConnection(); Statement sql = store.createStatement()) {
            sql.execute("create table if not exists answered (n int primary key)");
            try (ResultSet rows = sql.executeQuery("select n from answered order by n")) {
                while (rows.next()) {
                    kept.add(rows.getInt(1));
                }
            }
        }
        return kept;
    }

    @Test
    void callersWaitingTogether_shareCheckpoints_andEachReturnsOnlyOnceItsCommitIsWritten(@TempDir Path dir)
            throws Exception {
        AtomicInteger checkpoints = new AtomicInteger();
        DataSource counted = counting(dataSource(url(dir)), checkpoints);
        H2FileCheckpoints durable = new H2FileCheckpoints(counted, Duration.ofMillis(10));
        int callers = 200;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> calls = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                calls.add(pool.submit(durable::awaitDurable));
            }
            for (Future<?> call : calls) {
                call.get(60, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(checkpoints.get()).as("checkpoints for " + callers + " callers").isBetween(1, callers - 1);
    }

    @Test
    void onlyAStoreKeptInAFile_isCheckpointed() {
        assertThat(H2FileCheckpoints.isH2File("jdbc:h2:file:./.backbone/referrals/store")).isTrue();
        assertThat(H2FileCheckpoints.isH2File("jdbc:h2:./store")).isTrue();
        assertThat(H2FileCheckpoints.isH2File("jdbc:h2:mem:referrals-1;DB_CLOSE_DELAY=-1")).isFalse();
        assertThat(H2FileCheckpoints.isH2File("jdbc:postgresql://127.0.0.1:5432/referrals")).isFalse();
        assertThat(H2FileCheckpoints.isH2File(null)).isFalse();
    }

    static DataSource dataSource(String url) {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(url);
        h2.setUser("sa");
        h2.setPassword("");
        return h2;
    }

    private static DataSource counting(DataSource store, AtomicInteger checkpoints) {
        return (DataSource) java.lang.reflect.Proxy.newProxyInstance(DataSource.class.getClassLoader(),
                new Class<?>[] {DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        checkpoints.incrementAndGet();
                    }
                    return method.invoke(store, args);
                });
    }

    /**
     * A process that commits one row, as a service does (its pool holding a connection open, so H2 does not close
     * and write the file), makes it durable or not, answers, and waits to be killed.
     */
    public static final class Writer {
        public static void main(String[] args) throws Exception {
            DataSource store = dataSource(args[0]);
            Connection pool = store.getConnection();
            try (Connection connection = store.getConnection(); Statement sql = connection.createStatement()) {
                sql.execute("create table if not exists answered (n int primary key)");
                sql.execute("insert into answered (n) values (" + Integer.parseInt(args[1]) + ")");
            }
            if (args[2].equals("durable")) {
                new H2FileCheckpoints(store, Duration.ofMillis(10)).awaitDurable();
            }
            System.out.println("answered " + args[1]);
            System.out.flush();
            Thread.sleep(60_000);
            pool.close();
        }
    }
}
