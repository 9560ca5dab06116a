package org.safeguarding.backbone.localinfra;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import org.h2.engine.SysProperties;
import org.h2.jdbcx.JdbcDataSource;
import org.h2.tools.Server;

/**
 * The children's key store of the embedded default (R18, ADR 0015): one H2 database under the data directory, served
 * on 127.0.0.1 to the four services, so a child has one data key whichever service sealed its content, and a record
 * one service sealed on its topic opens in another. It runs in the launcher's JVM, as the Kafka broker does: the
 * services may be killed and started again, the store stays. Production names a database of its own instead
 * ({@code backbone.child-keys.datasource.url}).
 *
 * <p>Its account is a local development credential ({@link #USER}, {@link #PASSWORD}): the services take a key store
 * on H2 only under the local profile.
 */
public final class LocalKeyStore implements AutoCloseable {

    /** The local store's account: development only, never outside the local profile. */
    public static final String USER = "backbone";
    /** The local store's password: development only, never outside the local profile. */
    public static final String PASSWORD = "dev-only-child-keys";

    private static final String LOOPBACK = "127.0.0.1";
    private static final String DATABASE = "child-keys";

    static {
        // read by H2 once, when first loaded: a server started here listens on 127.0.0.1 only
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", LOOPBACK);
        }
    }

    private final Server server;
    private final Connection held;

    private LocalKeyStore(Server server, Connection held) {
        this.server = server;
        this.held = held;
    }

    /** Opens (or makes) the store under {@code directory} and serves it on a free port of 127.0.0.1. */
    public static LocalKeyStore start(Path directory) {
        if (!LOOPBACK.equals(SysProperties.BIND_ADDRESS)) {
            throw new IllegalStateException("H2 was loaded before the key store with h2.bindAddress="
                    + SysProperties.BIND_ADDRESS + ": its server would listen beyond 127.0.0.1. Start the JVM with "
                    + "-Dh2.bindAddress=127.0.0.1");
        }
        Path base = directory.toAbsolutePath();
        Connection held = null;
        try {
            // made and kept open here, so the server serves this database only (no -ifNotExists)
            JdbcDataSource file = new JdbcDataSource();
            file.setURL("jdbc:h2:file:" + base.resolve(DATABASE));
            held = file.getConnection(USER, PASSWORD);
            Server server = Server.createTcpServer("-tcpPort", "0", "-baseDir", base.toString(), "-tcpDaemon")
                    .start();
            return new LocalKeyStore(server, held);
        } catch (SQLException e) {
            closeQuietly(held);
            throw new IllegalStateException("The children's key store under " + base + " could not be opened or "
                    + "served: " + e.getMessage(), e);
        }
    }

    /** Where the services find the store. */
    public String jdbcUrl() {
        return "jdbc:h2:tcp://" + LOOPBACK + ":" + server.getPort() + "/" + DATABASE;
    }

    /** The services' settings for the store ({@code --name=value}, Spring's). */
    public List<String> serviceArguments() {
        return List.of("--backbone.child-keys.datasource.url=" + jdbcUrl(),
                "--backbone.child-keys.datasource.username=" + USER,
                "--backbone.child-keys.datasource.password=" + PASSWORD);
    }

    @Override
    public void close() {
        server.stop();
        closeQuietly(held);
    }

    private static void closeQuietly(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                // closing: what it held is written
            }
        }
    }
}
