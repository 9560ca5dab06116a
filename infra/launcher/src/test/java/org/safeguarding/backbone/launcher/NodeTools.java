package org.safeguarding.backbone.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** What {@code node script arguments...} printed and how it exited. */
    record Run(int exitCode, List<String> lines) {
        String output() {
            return String.join("\n", lines);
        }
    }

    static Run run(String script, List<String> arguments) throws Exception {
        install();
        List<String> command = new ArrayList<>(List.of("node", script));
        command.addAll(arguments);
        Path output = Files.createTempFile("node-" + script, ".log");
        Process node = new ProcessBuilder(command).directory(DIR.toFile()).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        boolean finished = node.waitFor(3, TimeUnit.MINUTES);
        if (!finished) {
            node.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        assertThat(finished).as("node " + script + " finished: " + String.join("\n", lines)).isTrue();
        return new Run(node.exitValue(), lines);
    }
}
