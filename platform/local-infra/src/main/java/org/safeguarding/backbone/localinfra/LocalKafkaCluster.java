package org.safeguarding.backbone.localinfra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartitionInfo;
import org.apache.kafka.common.Uuid;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A replicated Kafka cluster on this machine: {@code n} KRaft nodes (broker and controller combined, all of them
 * voters of the controller quorum), each Kafka's own server in a process of its own ({@link KafkaNode}) on 127.0.0.1,
 * so that one can be killed ({@code SIGKILL}) and started again while the others go on. Every partition has a copy on
 * every node, and a write needs two of them ({@code min.insync.replicas=2}): one node may be down without losing an
 * acknowledged record or refusing a write. Authentication and ACLs as {@link LocalKafkaBroker}'s.
 *
 * <p>Each node keeps its data under {@code dataDir/node-<id>} and its output in {@code logDir/kafka-<id>.log}, so a
 * cluster started again on the same directory has every record it had. The nodes end by themselves when the process
 * that started them does.
 */
public final class LocalKafkaCluster implements LocalKafka {

    private static final Logger LOG = LoggerFactory.getLogger(LocalKafkaCluster.class);

    private final Path dataDir;
    private final Path logDir;
    private final List<Integer> brokerPorts;
    private final Map<Integer, Properties> configs = new LinkedHashMap<>();
    private final Map<Integer, Process> nodes = new LinkedHashMap<>();
    private final String bootstrapServers;
    /** The nodes' logging settings, written once into the log directory. */
    private Path logging;
    private boolean closed;

    private LocalKafkaCluster(Path dataDir, Path logDir, List<Integer> brokerPorts) {
        this.dataDir = dataDir;
        this.logDir = logDir;
        this.brokerPorts = List.copyOf(brokerPorts);
        this.bootstrapServers = brokerPorts.stream().map(port -> "127.0.0.1:" + port)
                .collect(Collectors.joining(","));
    }

    /**
     * Starts (or starts again, on the data it kept) a cluster of {@code brokerPorts.size()} nodes, node {@code i + 1}
     * serving clients on {@code brokerPorts[i]} and its controller on {@code controllerPorts[i]}, authenticating
     * {@code principals} (and {@value LocalKafkaBroker#ADMIN}), and returns once every node is in the cluster.
     */
    public static LocalKafkaCluster start(Path dataDir, Path logDir, List<Integer> brokerPorts,
                                          List<Integer> controllerPorts, Collection<String> principals) {
        if (brokerPorts.size() < 3 || brokerPorts.size() != controllerPorts.size()) {
            throw new IllegalArgumentException("a replicated cluster needs at least three nodes, each with a broker "
                    + "and a controller port: " + brokerPorts + ", " + controllerPorts);
        }
        long started = System.nanoTime();
        LocalKafkaCluster cluster = new LocalKafkaCluster(dataDir.toAbsolutePath(), logDir.toAbsolutePath(),
                brokerPorts);
        Map<Integer, Integer> voters = new LinkedHashMap<>();
        for (int i = 0; i < brokerPorts.size(); i++) {
            voters.put(i + 1, controllerPorts.get(i));
        }
        try {
            // a node formatted before (a cluster started again, or one interrupted while it was formatted) names the
            // cluster the others join
            String clusterId = existingClusterId(cluster.dataDir, voters.size()).orElse(Uuid.randomUuid().toString());
            for (int node : voters.keySet()) {
                Path nodeDir = cluster.dataDir.resolve("node-" + node);
                Path kraftLogs = nodeDir.resolve("kraft-logs");
                Properties config = KafkaNodeConfig.of(node, voters, brokerPorts.get(node - 1), kraftLogs,
                        principals, null, brokerPorts.size());
                if (!Files.exists(kraftLogs.resolve("meta.properties"))) {
                    KafkaNodeConfig.format(config, nodeDir, clusterId);
                }
                cluster.configs.put(node, config);
            }
            cluster.logging = ChildJvm.quietKafkaLogging(cluster.logDir);
            voters.keySet().forEach(cluster::startNode);
            cluster.awaitNodes(brokerPorts.size(), Duration.ofSeconds(120));
            LOG.info("Kafka cluster of {} nodes ready at {} ({} ms, data in {})", brokerPorts.size(),
                    cluster.bootstrapServers, (System.nanoTime() - started) / 1_000_000, cluster.dataDir);
            return cluster;
        } catch (IOException e) {
            cluster.close();
            throw new UncheckedIOException("could not prepare the Kafka cluster's directories under " + dataDir, e);
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
    }

    private static Optional<String> existingClusterId(Path dataDir, int nodes) throws IOException {
        for (int node = 1; node <= nodes; node++) {
            Path meta = dataDir.resolve("node-" + node).resolve("kraft-logs").resolve("meta.properties");
            if (Files.exists(meta)) {
                Properties properties = new Properties();
                try (var in = Files.newInputStream(meta)) {
                    properties.load(in);
                }
                return Optional.ofNullable(properties.getProperty("cluster.id"));
            }
        }
        return Optional.empty();
    }

    /** Node ids, 1 to n. */
    public List<Integer> nodeIds() {
        return List.copyOf(configs.keySet());
    }

    /** Kills node {@code node} at once ({@code SIGKILL}: no clean shutdown, as in a crash) and waits until it is gone. */
    public synchronized void kill(int node) {
        Process process = nodes.get(node);
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException("Kafka node " + node + " is not running");
        }
        process.destroyForcibly();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("Kafka node " + node + " did not end within 30 s of SIGKILL");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while killing Kafka node " + node, e);
        }
        LOG.info("Kafka node {} killed", node);
    }

    /** Starts node {@code node} again on its data, and returns once the cluster has it back. */
    public synchronized void restart(int node) {
        startNode(node);
        awaitNodes(configs.size(), Duration.ofSeconds(120));
        LOG.info("Kafka node {} started again", node);
    }

    /** Whether node {@code node}'s process is running. */
    public synchronized boolean isRunning(int node) {
        Process process = nodes.get(node);
        return process != null && process.isAlive();
    }

    /** The partitions of {@code topics} of which fewer copies than the cluster keeps are in sync, now. */
    public List<String> underReplicated(Collection<String> topics) {
        try (Admin admin = Admin.create(clientConfig(LocalKafkaBroker.ADMIN))) {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames()
                    .get(60, TimeUnit.SECONDS);
            List<String> under = new ArrayList<>();
            described.forEach((topic, description) -> {
                for (TopicPartitionInfo partition : description.partitions()) {
                    if (partition.isr().size() < partition.replicas().size() || partition.leader() == null) {
                        under.add(topic + "-" + partition.partition() + " (in sync: " + partition.isr().size()
                                + " of " + partition.replicas().size() + ")");
                    }
                }
            });
            return under;
        } catch (Exception e) {
            throw new IllegalStateException("could not describe the topics of " + bootstrapServers, e);
        }
    }

    private void startNode(int node) {
        Path settings = dataDir.resolve("node-" + node).resolve("server.properties");
        try (var out = Files.newOutputStream(settings)) {
            configs.get(node).store(out, "node " + node + " of the backbone's local Kafka cluster");
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + settings, e);
        }
        Path log = logDir.resolve("kafka-" + node + ".log");
        List<String> command = ChildJvm.command(KafkaNode.class, List.of("-Xms64m", "-Xmx384m", "-XX:+UseSerialGC",
                "-Dlogback.configurationFile=" + logging),
                List.of(settings.toString(), Long.toString(ProcessHandle.current().pid())));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            nodes.put(node, process);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Kafka node " + node + " (" + command + ")", e);
        }
    }

    private void awaitNodes(int count, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        Exception last = null;
        // every running node listening first: an admin client asked earlier logs a warning a second per node
        while (System.nanoTime() < deadline && !nodes.entrySet().stream().allMatch(node ->
                !node.getValue().isAlive() || listening(brokerPorts.get(node.getKey() - 1)))) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        try (Admin admin = Admin.create(clientConfig(LocalKafkaBroker.ADMIN))) {
            while (System.nanoTime() < deadline) {
                for (Map.Entry<Integer, Process> node : nodes.entrySet()) {
                    if (!node.getValue().isAlive()) {
                        throw new IllegalStateException("Kafka node " + node.getKey() + " ended (exit code "
                                + node.getValue().exitValue() + "); its log: " + logDir.resolve("kafka-"
                                + node.getKey() + ".log"));
                    }
                }
                try {
                    if (admin.describeCluster().nodes().get(10, TimeUnit.SECONDS).size() >= count) {
                        return;
                    }
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(250);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new IllegalStateException("the Kafka cluster at " + bootstrapServers + " did not have its " + count
                + " nodes within " + within.toSeconds() + " s (logs in " + logDir + ")", last);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String bootstrapServers() {
        return bootstrapServers;
    }

    @Override
    public Map<String, Object> clientConfig(String principal) {
        Map<String, Object> config = new HashMap<>(LocalKafkaBroker.saslConfig(principal));
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        return config;
    }

    /** Creates {@code access}'s topics, a copy of each partition on every node, and its ACLs. */
    @Override
    public void apply(KafkaAccess access) {
        try (Admin admin = Admin.create(clientConfig(LocalKafkaBroker.ADMIN))) {
            access.apply(admin, 3, (short) brokerPorts.size());
        }
    }

    /** Stops every node (SIGTERM, all at once, then SIGKILL after 30 s). */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        nodes.values().forEach(Process::destroy);
        nodes.values().forEach(process -> ChildProcesses.stop(process, 30));
        LOG.info("Kafka cluster at {} stopped", bootstrapServers);
    }
}
