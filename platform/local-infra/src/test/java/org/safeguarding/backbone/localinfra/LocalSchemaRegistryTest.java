package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSchemaRegistryTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String V1 = "{\"type\":\"record\",\"name\":\"Probe\",\"namespace\":\"test\","
            + "\"fields\":[{\"name\":\"a\",\"type\":\"string\"}]}";

    @Test
    void keepsSchemasInItsDataDirectoryAcrossRestarts_andRefusesIncompatibleChanges(@TempDir Path dataDir)
            throws Exception {
        int port = FreePorts.next();
        Path log = dataDir.resolve("registry.log");
        try (LocalSchemaRegistry registry = LocalSchemaRegistry.start(LocalSchemaRegistry.runnerJar(), dataDir, port, log)) {
            assertThat(registry.url()).isEqualTo("http://127.0.0.1:" + port);
            assertThat(post(registry, V1).statusCode()).isEqualTo(200);
        }
        try (LocalSchemaRegistry registry = LocalSchemaRegistry.start(LocalSchemaRegistry.runnerJar(), dataDir, port, log)) {
            HttpResponse<String> kept = HTTP.send(HttpRequest.newBuilder(URI.create(
                    registry.url() + "/apis/registry/v2/groups/default/artifacts/probe")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(kept.statusCode()).isEqualTo(200);
            assertThat(kept.body()).contains("Probe");

            String incompatible = V1.replace("]}", ",{\"name\":\"b\",\"type\":\"string\"}]}");
            HttpResponse<String> refused = HTTP.send(HttpRequest.newBuilder(URI.create(
                    registry.url() + "/apis/registry/v2/groups/default/artifacts/probe/versions"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(incompatible)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(refused.statusCode()).isEqualTo(409);
        }
    }

    /**
     * Issue 10: the registry's H2 storage deadlocked when two schemas were created at the same moment (4 clients
     * creating 10 each: 22 answered 500 after its 60 s transaction timeout). Four services register the contracts at
     * once when the backbone starts; every creation must succeed, and none wait for a timeout.
     */
    @Test
    void schemasCreatedAtTheSameMoment_areAllCreated() throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(4);
        try (LocalSchemaRegistry registry = LocalSchemaRegistry.startTemporary()) {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int client = 0; client < 4; client++) {
                for (int i = 0; i < 5; i++) {
                    String name = "Created" + client + "x" + i;
                    answers.add(clients.submit(() -> HTTP.send(HttpRequest.newBuilder(URI.create(
                                    registry.url() + "/apis/registry/v2/groups/default/artifacts"))
                            .timeout(Duration.ofSeconds(30))
                            .header("Content-Type", "application/json")
                            .header("X-Registry-ArtifactId", "test." + name)
                            .header("X-Registry-ArtifactType", "AVRO")
                            .POST(HttpRequest.BodyPublishers.ofString(V1.replace("Probe", name))).build(),
                            HttpResponse.BodyHandlers.ofString()).statusCode()));
                }
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isEqualTo(200);
            }
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aMissingJarIsAClearError(@TempDir Path dir) {
        assertThatThrownBy(() -> LocalSchemaRegistry.start(dir.resolve("nope.jar"), null, FreePorts.next(), null))
                .hasMessageContaining("nope.jar does not exist");
    }

    private static HttpResponse<String> post(LocalSchemaRegistry registry, String schema) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(registry.url() + "/apis/registry/v2/groups/default/artifacts"))
                .header("Content-Type", "application/json")
                .header("X-Registry-ArtifactId", "probe")
                .header("X-Registry-ArtifactType", "AVRO")
                .POST(HttpRequest.BodyPublishers.ofString(schema)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
