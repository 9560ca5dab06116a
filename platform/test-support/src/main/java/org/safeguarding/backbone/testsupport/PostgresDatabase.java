package org.safeguarding.backbone.testsupport;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Assumptions;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A fresh, empty PostgreSQL schema for a test, dropped when the test JVM exits, on the server these machines run at 127.0.0.1:5432 (trust auth),
 * or {@code BACKBONE_TEST_PG_URL} / {@code BACKBONE_TEST_PG_USER}. Where no server is reachable the test is skipped,
 * and says why.
 */
public final class PostgresDatabase {

    private static final String URL = env("BACKBONE_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    private static final String USER = env("BACKBONE_TEST_PG_USER", "postgres");

    private PostgresDatabase() {
    }

    /** Creates schema {@code <prefix>_<random>} and points the Spring context's datasource at it. */
    public static void freshSchema(String prefix, DynamicPropertyRegistry properties) {
        List<String> database = freshSchemaFor(prefix);
        properties.add("spring.datasource.url", () -> database.get(0));
        properties.add("spring.datasource.username", () -> database.get(1));
        properties.add("spring.datasource.password", () -> database.get(2));
    }

    /**
     * Creates schema {@code <prefix>_<random>} for a process the test starts, and returns the JDBC URL that opens it
     * ({@code ApplicationName=<prefix>}, so the test can find its connections), the user and the password; skips
     * the test where no server is reachable.
     */
    public static List<String> freshSchemaFor(String prefix) {
        String schema = (prefix + "_" + UUID.randomUUID().toString().substring(0, 8)).replace('-', '_');
        try (Connection connection = DriverManager.getConnection(URL, USER, env("BACKBONE_TEST_PG_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            statement.execute("create schema " + schema);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> drop(schema), "drop-" + schema));
        } catch (SQLException e) {
            Assumptions.abort("PostgreSQL is not reachable at " + URL + " as " + USER + " (" + e.getMessage()
                    + "): skipping the PostgreSQL test. Start it, or set BACKBONE_TEST_PG_URL.");
        }
        String separator = URL.contains("?") ? "&" : "?";
        return List.of(URL + separator + "currentSchema=" + schema + "&ApplicationName=" + prefix, USER,
                env("BACKBONE_TEST_PG_PASSWORD", ""));
    }

    /** Ends every connection a process opened as {@code applicationName}: the database connection lost. */
    public static int terminateConnections(String applicationName) {
        try (Connection connection = DriverManager.getConnection(URL, USER, env("BACKBONE_TEST_PG_PASSWORD", ""));
             java.sql.PreparedStatement statement = connection.prepareStatement("select count(pg_terminate_backend("
                     + "pid)) from pg_stat_activity where application_name = ?")) {
            statement.setString(1, applicationName);
            try (java.sql.ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not end the connections of " + applicationName, e);
        }
    }

    /** A test leaves nothing behind on the shared server. */
    private static void drop(String schema) {
        try (Connection connection = DriverManager.getConnection(URL, USER, env("BACKBONE_TEST_PG_PASSWORD", ""));
             Statement statement = connection.createStatement()) {
            // never hold up the JVM's exit behind a connection still open in another shutdown hook
            statement.execute("set lock_timeout = '5s'");
            statement.execute("drop schema if exists " + schema + " cascade");
        } catch (SQLException e) {
            System.err.println("could not drop test schema " + schema + ": " + e.getMessage());
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
