package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
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
