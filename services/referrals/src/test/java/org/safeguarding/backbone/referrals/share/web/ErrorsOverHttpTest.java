package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Errors the servlet container and the security filters raise, outside Spring MVC, on a real server: each is an RFC
 * 9457 problem of the project's kind, never the container's own page, and a body streamed without a declared length
 * is cut off at the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
class ErrorsOverHttpTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @LocalServerPort int port;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                "school-a:dev-only-school-a".getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Test
    void aRequestTheFirewallRejects_isAProblem() throws Exception {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/shares/a%2F..%2Fb")).GET());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("urn:safeguarding-backbone:problem:invalid-request");
    }

    @Test
    void aBodyStreamedPastTheLimit_withoutDeclaringItsLength_is413() throws Exception {
        byte[] big = ("{\"purpose\": \"" + "x".repeat(600_000) + "\"}").getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/api/shares"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(big))));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("urn:safeguarding-backbone:problem:request-too-large");
    }
}
