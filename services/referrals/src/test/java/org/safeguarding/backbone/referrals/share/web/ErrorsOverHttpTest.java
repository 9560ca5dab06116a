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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.authentication.configuration.AuthenticationConfiguration;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.util.ReflectionTestUtils;

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
    @Autowired AuthenticationConfiguration authentication;

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return send(request, "school-a:dev-only-school-a");
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String credentials) throws Exception {
        return HTTP.send(request.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                credentials.getBytes(StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString());
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

    /**
     * Issue 11: an unknown name is refused after hashing a dummy password, so that it takes as long as a known one;
     * with BCrypt by default (~80 ms of CPU each, by every call arriving before the first has finished: 1.6 s of CPU
     * when 16 agencies called at once after a start). Under the local profile the dummy is hashed as the development
     * credentials are, and each refusal is still a 401 problem.
     */
    @Test
    void anUnknownAgency_andAWrongPassword_are401_andNeitherCostsABCryptHash() throws Exception {
        HttpResponse<String> unknown = send(HttpRequest.newBuilder(uri("/api/inbox/shares")).GET(),
                "no-such-agency:dev-only-no-such-agency");
        HttpResponse<String> wrong = send(HttpRequest.newBuilder(uri("/api/inbox/shares")).GET(),
                "school-a:not-the-password");
        HttpResponse<String> known = send(HttpRequest.newBuilder(uri("/api/inbox/shares")).GET());

        assertThat(unknown.statusCode()).isEqualTo(401);
        assertThat(unknown.body()).contains("urn:safeguarding-backbone:problem:");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(known.statusCode()).isEqualTo(200);
        DaoAuthenticationProvider passwords = passwordProvider(authentication.getAuthenticationManager());
        assertThat((String) ReflectionTestUtils.getField(passwords, "userNotFoundEncodedPassword"))
                .as("the dummy an unknown name is checked against").startsWith("{noop}");
    }

    /** The provider that checks HTTP Basic's passwords, inside whatever Spring Security wraps it in. */
    private static DaoAuthenticationProvider passwordProvider(AuthenticationManager manager) {
        if (manager instanceof ProviderManager providers) {
            return providers.getProviders().stream().filter(DaoAuthenticationProvider.class::isInstance)
                    .map(DaoAuthenticationProvider.class::cast).findFirst()
                    .orElseThrow(() -> new AssertionError("no password provider in " + providers.getProviders()));
        }
        return passwordProvider((AuthenticationManager) ReflectionTestUtils.getField(manager, "delegate"));
    }
}
