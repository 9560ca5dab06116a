package org.safeguarding.backbone.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real single-node Kafka broker (KRaft, broker and controller combined) running inside this JVM, listening on
 * 127.0.0.1 only. Its log directory is formatted on first use and reused afterwards, so a broker started again on
 * the same directory has every record it had before.
 *
 * <p>Every connection authenticates (SASL PLAIN) as one of the principals it is started with, each with its
 * development credential {@code dev-only-<name>} (local only, like the agencies' HTTP credentials), or as the
 * super user {@value #ADMIN}; and the broker's authorizer allows only what an ACL grants ({@link KafkaAccess}).
 *
 * <p>Not spring-kafka-test's embedded broker: that one binds the wildcard address on random ports.
 */
public final class LocalKafkaBroker implements LocalKafka {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaBroker.class);

    /** The super user: the broker itself, the launcher creating topics and ACLs, and tests. Local only. */
    public static final String ADMIN = "backbone-admin";

    private final KafkaRaftServer server;
    private final String bootstrapServers;
    private final Path logDir;
    /** The certificate clients connect over TLS with; null when they connect in plain text. */
    private final LocalCertificates tls;
    private boolean closed;

    private LocalKafkaBroker(KafkaRaftServer server, String bootstrapServers, Path logDir, LocalCertificates tls) {
        this.server = server;
        this.bootstrapServers = bootstrapServers;
        this.logDir = logDir;
        this.tls = tls;
    }

    /** A broker on free ports with its data in a new temporary directory, {@code access} applied: for tests. */
    public static LocalKafkaBroker startTemporary(KafkaAccess access) {
        return startTemporary(access, false);
    }

    /**
     * The same, clients connecting over TLS ({@code SASL_SSL}, the broker's certificate checked, host name and all)
     * when {@code tls}: a certificate for 127.0.0.1 is made in the data directory ({@link LocalCertificates}).
     */
    public static LocalKafkaBroker startTemporary(KafkaAccess access, boolean tls) {
        try {
            Path dataDir = Files.createTempDirectory("backbone-kafka-");
            LocalKafkaBroker broker = start(dataDir, FreePorts.next(), FreePorts.next(), access.principals(),
                    tls ? LocalCertificates.in(dataDir.resolve("tls")) : null);
            broker.apply(access);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The development credential of a local principal. Local only: never a secret, never for a real deployment. */
    public static String passwordOf(String principal) {
        return "dev-only-" + principal;
    }

    /** How a Kafka client authenticates as {@code principal}: merge into a producer's, consumer's or admin's. */
    public static Map<String, Object> saslConfig(String principal) {
        return Map.of(
                "security.protocol", "SASL_PLAINTEXT",
                "sasl.mechanism", "PLAIN",
                "sasl.jaas.config", KafkaNodeConfig.jaas(principal, Map.of()));
    }

    /** Everything a client needs to connect to this broker as {@code principal}, over TLS if it serves TLS. */
    @Override
    public Map<String, Object> clientConfig(String principal) {
        Map<String, Object> config = new HashMap<>(saslConfig(principal));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (tls != null) {
            config.put("security.protocol", "SASL_SSL");
            config.putAll(tls.kafkaClientConfig());
        }
        return config;
    }

    /** Creates {@code access}'s topics and ACLs, as the super user. */
    @Override
    public void apply(KafkaAccess access) {
        try (Admin admin = Admin.create(clientConfig(ADMIN))) {
            access.apply(admin, 3, (short) 1);
        }
    }

    /**
     * Starts a broker keeping its data in {@code dataDir}, serving clients on {@code brokerPort} and its controller
     * quorum on {@code controllerPort}, authenticating {@code principals} (and {@value #ADMIN}), and returns once it
     * answers clients.
     */
    public static LocalKafkaBroker start(Path dataDir, int brokerPort, int controllerPort,
                                         Collection<String> principals) {
        return start(dataDir, brokerPort, controllerPort, principals, null);
    }

    /** The same, serving clients over TLS with {@code tls}'s certificate when it is not null. */
    public static LocalKafkaBroker start(Path dataDir, int brokerPort, int controllerPort,
                                         Collection<String> principals, LocalCertificates tls) {
        long started = System.nanoTime();
        Path logDir = dataDir.resolve("kraft-logs");
        Properties config = KafkaNodeConfig.of(1, Map.of(1, controllerPort), brokerPort, logDir, principals, tls, 1);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(logDir.resolve("meta.properties"))) {
                KafkaNodeConfig.format(config, dataDir, Uuid.randomUuid().toString());
            }
            KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
            server.startup();
            String bootstrap = "127.0.0.1:" + brokerPort;
            LocalKafkaBroker broker = new LocalKafkaBroker(server, bootstrap, logDir, tls);
            broker.awaitReady();
            LOG.info("Kafka broker ready at {}{} ({} ms, data in {})", bootstrap, tls == null ? "" : " over TLS",
                    (System.nanoTime() - started) / 1_000_000, logDir);
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException("could not prepare the Kafka data directory " + dataDir, e);
        }
    }

    private void awaitReady() {
        try (Admin admin = Admin.create(clientConfig(ADMIN))) {
            admin.describeCluster().nodes().get(60, TimeUnit.SECONDS);
        } catch (Exception e) {
            close();
            throw new IllegalStateException("Kafka broker at " + bootstrapServers + " did not become ready", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    public Path logDir() {
        return logDir;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutdown();
        server.awaitShutdown();
        LOG.info("Kafka broker at {} stopped", bootstrapServers);
    }
}
