package org.safeguarding.backbone.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.web.security.AgencyProperties;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Agency systems obtain a signed token with the client-credentials grant, as the README shows with curl. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("local")
class TokenIssuerTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;

    private HttpResponse<String> token(String client, String secret) throws Exception {
        return token(client, secret, "grant_type=client_credentials");
    }

    private HttpResponse<String> token(String client, String secret, String form) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/oauth2/token"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (client + ":" + secret).getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode claims(HttpResponse<String> response) {
        String[] jwt = JSON.readTree(response.body()).get("access_token").asString().split("\\.");
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
    }

    @Test
    void anAgencyObtainsASignedTokenForTheBackbone_namingItself() throws Exception {
        HttpResponse<String> response = token("school-a", "dev-only-school-a");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.get("token_type").asString()).isEqualTo("Bearer");
        String[] jwt = body.get("access_token").asString().split("\\.");
        assertThat(jwt).hasSize(3);
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(jwt[1]));
        assertThat(claims.get("sub").asString()).isEqualTo("school-a");
        assertThat(claims.get("agency").asString()).isEqualTo("school-a");
        assertThat(claims.get("iss").asString()).isEqualTo("http://127.0.0.1:" + port);
        assertThat(claims.get("aud").toString()).contains("safeguarding-backbone");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong())
                .isEqualTo(Duration.ofHours(1).toSeconds());
    }

    @Test
    void aTokenRequestNamingThePractitioner_getsATokenNamingThem() throws Exception {
        HttpResponse<String> response = token("csc-a", "dev-only-csc-a",
                "grant_type=client_credentials&practitioner=Duty+social+worker+%28synthetic%29+5");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(claims(response).get("practitioner").asString()).isEqualTo("Duty social worker (synthetic) 5");
        assertThat(claims(response).get("agency").asString()).isEqualTo("csc-a");
        assertThat(claims(token("csc-a", "dev-only-csc-a")).has("practitioner")).isFalse();
    }

    @Test
    void anOperatorsTokenNamesThemAsAnOperator_neverAsAnAgency() throws Exception {
        HttpResponse<String> response = token("operator", "dev-only-operator");

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(claims(response).get("operator").asString()).isEqualTo("operator");
        assertThat(claims(response).has("agency")).isFalse();
        assertThat(claims(token("school-a", "dev-only-school-a")).has("operator")).isFalse();
    }

    @Test
    void aWrongSecretOrAnUnknownAgencyGetsNoToken() throws Exception {
        assertThat(token("school-a", "dev-only-school-b").statusCode()).isEqualTo(401);
        assertThat(token("nobody", "secret").statusCode()).isEqualTo(401);
    }

    @Test
    void theServicesFindTheSigningKeysFromTheIssuer() throws Exception {
        HttpResponse<String> discovery = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/.well-known/openid-configuration")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(discovery.statusCode()).isEqualTo(200);
        String jwks = JSON.readTree(discovery.body()).get("jwks_uri").asString();
        HttpResponse<String> keys = HTTP.send(HttpRequest.newBuilder(URI.create(jwks)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(JSON.readTree(keys.body()).get("keys")).hasSize(1);
    }

    @Test
    void theIssuerRefusesToServeDevelopmentCredentialsOutsideTheLocalProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");

        assertThatThrownBy(() -> new IssuerConfiguration().agencyClients(new AgencyProperties(Map.of(), Map.of()), production,
                Duration.ofHours(1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("local profile only");
    }
}
