package org.safeguarding.backbone.localinfra;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import kafka.tools.StorageTool;

/**
 * The settings of one KRaft node (broker and controller combined) on 127.0.0.1, for a single broker or one of a
 * cluster's: every connection, the nodes' own included, authenticates with SASL PLAIN, and only ACLs grant anything.
 */
final class KafkaNodeConfig {

    private KafkaNodeConfig() {
    }

    /**
     * @param nodeId          this node's id
     * @param controllerPorts every voter of the controller quorum (this node's included): node id to its port
     * @param replicas        how many copies of each partition the cluster keeps (1 for a single broker); from 3 on,
     *                        a write needs two of them ({@code min.insync.replicas=2})
     */
    static Properties of(int nodeId, Map<Integer, Integer> controllerPorts, int brokerPort, Path logDir,
                         Collection<String> principals, LocalCertificates tls, int replicas) {
        int controllerPort = controllerPorts.get(nodeId);
        int minInSync = replicas >= 3 ? 2 : 1;
        Properties config = new Properties();
        config.put("process.roles", "broker,controller");
        config.put("node.id", Integer.toString(nodeId));
        config.put("controller.quorum.voters", controllerPorts.entrySet().stream()
                .map(voter -> voter.getKey() + "@127.0.0.1:" + voter.getValue()).collect(Collectors.joining(",")));
        config.put("listeners", "CLIENT://127.0.0.1:" + brokerPort + ",CONTROLLER://127.0.0.1:" + controllerPort);
        config.put("advertised.listeners", "CLIENT://127.0.0.1:" + brokerPort);
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "CLIENT");
        // every connection, the broker's own to its controller included, authenticates; only ACLs grant anything
        config.put("listener.security.protocol.map",
                "CONTROLLER:SASL_PLAINTEXT,CLIENT:" + (tls == null ? "SASL_PLAINTEXT" : "SASL_SSL"));
        if (tls != null) {
            // clients, and the broker calling itself, check its certificate and that it names 127.0.0.1
            config.putAll(tls.kafkaBrokerConfig());
        }
        config.put("sasl.enabled.mechanisms", "PLAIN");
        config.put("sasl.mechanism.inter.broker.protocol", "PLAIN");
        config.put("sasl.mechanism.controller.protocol", "PLAIN");
        Map<String, String> users = new LinkedHashMap<>();
        users.put(LocalKafkaBroker.ADMIN, LocalKafkaBroker.passwordOf(LocalKafkaBroker.ADMIN));
        principals.forEach(principal -> users.put(principal, LocalKafkaBroker.passwordOf(principal)));
        config.put("listener.name.client.plain.sasl.jaas.config", jaas(LocalKafkaBroker.ADMIN, users));
        config.put("listener.name.controller.plain.sasl.jaas.config", jaas(LocalKafkaBroker.ADMIN,
                Map.of(LocalKafkaBroker.ADMIN, LocalKafkaBroker.passwordOf(LocalKafkaBroker.ADMIN))));
        config.put("listener.name.controller.sasl.enabled.mechanisms", "PLAIN");
        config.put("authorizer.class.name", "org.apache.kafka.metadata.authorizer.StandardAuthorizer");
        config.put("super.users", "User:" + LocalKafkaBroker.ADMIN);
        config.put("log.dirs", logDir.toString());
        config.put("num.partitions", "3");
        config.put("default.replication.factor", Integer.toString(replicas));
        config.put("min.insync.replicas", Integer.toString(minInSync));
        config.put("auto.create.topics.enable", "true");
        config.put("offsets.topic.replication.factor", Integer.toString(replicas));
        config.put("offsets.topic.num.partitions", "3");
        config.put("transaction.state.log.replication.factor", Integer.toString(replicas));
        config.put("transaction.state.log.min.isr", Integer.toString(minInSync));
        config.put("transaction.state.log.num.partitions", "3");
        config.put("share.coordinator.state.topic.replication.factor", Integer.toString(replicas));
        config.put("share.coordinator.state.topic.min.isr", Integer.toString(minInSync));
        config.put("group.initial.rebalance.delay.ms", "0");
        if (replicas > 1) {
            // a follower that stops fetching (its broker killed) leaves the in-sync replicas after 10 s, not 30:
            // a local cluster shows a broker's loss, and its return, sooner
            config.put("replica.lag.time.max.ms", "10000");
        }
        config.put("log.cleaner.dedupe.buffer.size", "2097152");
        // a node stops without asking the controller to move its partitions first: with one broker there is
        // nowhere to move them, and when a whole local cluster stops, the last node would wait minutes for a
        // controller quorum that has gone. A replicated cluster's followers take over when the node's session ends
        config.put("controlled.shutdown.enable", "false");
        // every topic of the backbone's plan has its own retention (TopicRetention); anything else is kept a week
        config.put("log.retention.ms", Long.toString(Duration.ofDays(7).toMillis()));
        return config;
    }

    /** The JAAS line a principal logs in with, and, on a broker's listener, the users it accepts. */
    static String jaas(String principal, Map<String, String> users) {
        StringBuilder jaas = new StringBuilder("org.apache.kafka.common.security.plain.PlainLoginModule required")
                .append(" username=\"").append(principal).append("\" password=\"")
                .append(LocalKafkaBroker.passwordOf(principal)).append('"');
        users.forEach((user, password) -> jaas.append(" user_").append(user).append("=\"").append(password)
                .append('"'));
        return jaas.append(';').toString();
    }

    /**
     * Formats a node's log directory for cluster {@code clusterId} with Kafka's own storage tool, keeping the settings
     * beside it as {@code dataDir/server.properties}.
     */
    static Path format(Properties config, Path dataDir, String clusterId) throws IOException {
        Files.createDirectories(dataDir);
        Path file = dataDir.resolve("server.properties");
        try (var out = Files.newOutputStream(file)) {
            config.store(out, "written by the backbone's local Kafka when it formats the log directory");
        }
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        int rc = StorageTool.execute(new String[] {"format", "-t", clusterId, "-c", file.toString()},
                new PrintStream(output, true, StandardCharsets.UTF_8));
        if (rc != 0) {
            throw new IllegalStateException("formatting Kafka storage in " + dataDir + " failed (" + rc + "): "
                    + output.toString(StandardCharsets.UTF_8));
        }
        return file;
    }
}
