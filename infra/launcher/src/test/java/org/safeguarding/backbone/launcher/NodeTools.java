package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The build's Node.js tools ({@code src/test/node}): a foreign Kafka client and validators of the AsyncAPI document
 * and of the Kubernetes manifests, their packages as the lock file pins them, from the npm registry.
 */
final class NodeTools {

    static final Path DIR = Path.of("src/test/node");
    private static final List<String> PACKAGES = List.of("kafkajs", "@kafkajs/confluent-schema-registry",
            "@asyncapi/parser", "kubernetes-models", "@kubernetes-models/strimzi-kafka-operator", "yaml");

    private NodeTools() {
    }

    /** Installs the packages (npm ci) unless every one is there already. */
    static synchronized void install() throws Exception {
        if (PACKAGES.stream().allMatch(name -> Files.isDirectory(DIR.resolve("node_modules").resolve(name)))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DIR.toFile())
                .redirectErrorStream(true).redirectOutput(DIR.resolve("npm-ci.log").toFile()).start();
        assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci finished").isTrue();
        assertThat(npm.exitValue()).as("npm ci: see " + DIR.resolve("npm-ci.log")).isZero();
    }

    /** Runs {@code node script arguments...} here, its packages installed first. */
    static Commands.Run run(String script, List<String> arguments) throws Exception {
        install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(arguments);
        return Commands.run(command, DIR, Map.of(), Duration.ofMinutes(3));
    }
}
