package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Optional;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default's one key store (ADR 0015): served to the services on 127.0.0.1 only, with its development
 * account, keeping what it holds across a restart of the launcher.
 */
class LocalKeyStoreTest {

    @TempDir
    Path data;

    private static Connection connect(String url, String password) throws SQLException {
        JdbcDataSource source = new JdbcDataSource();
        source.setURL(url);
        return source.getConnection(LocalKeyStore.USER, password);
    }

    @Test
    void theServicesReachTheStoreOverLoopback_withItsAccount_andWhatItHoldsOutlivesARestart() throws Exception {
        String url;
        try (LocalKeyStore store = LocalKeyStore.start(data)) {
            url = store.jdbcUrl();
            assertThat(url).startsWith("jdbc:h2:tcp://127.0.0.1:");
            assertThat(store.serviceArguments()).containsExactly(
                    "--backbone.child-keys.datasource.url=" + url,
                    "--backbone.child-keys.datasource.username=backbone",
                    "--backbone.child-keys.datasource.password=dev-only-child-keys");
            try (Connection one = connect(url, LocalKeyStore.PASSWORD);
                 Connection another = connect(url, LocalKeyStore.PASSWORD);
                 Statement statement = one.createStatement()) {
                statement.execute("CREATE TABLE child_key (key_id VARCHAR(36) PRIMARY KEY)");
                statement.execute("INSERT INTO child_key VALUES ('key-1')");
                assertThat(count(another)).as("two services, one store").isEqualTo(1);
            }
            assertThatThrownBy(() -> connect(url, "not-the-password")).isInstanceOf(SQLException.class);
            int port = URI.create(url.substring("jdbc:h2:".length())).getPort();
            assertThat(port).isPositive();
            Optional<InetAddress> elsewhere = nonLoopbackAddress();
            if (elsewhere.isPresent()) {
                assertThatThrownBy(() -> {
                    try (Socket socket = new Socket()) {
                        socket.connect(new InetSocketAddress(elsewhere.get(), port), 2000);
                    }
                }).as("listening on " + elsewhere.get()).isInstanceOf(IOException.class);
            }
        }
        try (LocalKeyStore again = LocalKeyStore.start(data); Connection connection = connect(again.jdbcUrl(),
                LocalKeyStore.PASSWORD)) {
            assertThat(count(connection)).as("after a restart").isEqualTo(1);
        }
    }

    private static int count(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM child_key")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
        for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
            for (InetAddress address : Collections.list(network.getInetAddresses())) {
                if (!address.isLoopbackAddress() && address.getAddress().length == 4) {
                    return Optional.of(address);
                }
            }
        }
        return Optional.empty();
    }
}
