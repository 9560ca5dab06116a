package org.safeguarding.backbone.localinfra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.utils.Time;

/**
 * One node of a {@link LocalKafkaCluster}, in a process of its own so that it can be killed alone: Kafka's own
 * {@link KafkaRaftServer} on the settings in the given file, stopping cleanly on SIGTERM and by itself when the
 * process that started it ends.
 *
 * <p>Arguments: the node's {@code server.properties}, and the process id to outlive no longer.
 */
public final class KafkaNode {

    private KafkaNode() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: KafkaNode SERVER_PROPERTIES PARENT_PID");
            System.exit(2);
        }
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(Path.of(args[0]))) {
            config.load(in);
        }
        KafkaRaftServer server = new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.shutdown();
            server.awaitShutdown();
        }, "kafka-node-stop"));
        ProcessHandle.of(Long.parseLong(args[1])).ifPresentOrElse(
                parent -> parent.onExit().thenRun(() -> System.exit(0)),
                () -> System.exit(0));
        try {
            server.startup();
        } catch (RuntimeException e) {
            // Kafka's threads would keep this process up, a node that is not there
            e.printStackTrace();
            Runtime.getRuntime().halt(1);
        }
        server.awaitShutdown();
    }
}
