package org.safeguarding.backbone.issuer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
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

    /** The reviewers' page's sign-in, as a browser and the chronology go through it (ADR 0016). */
    @Nested
    class AReviewerSigningIn {

        private static final String PAGE = "http://127.0.0.1:8084/login/oauth2/code/reviewers";
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();

        private HttpResponse<String> get(String url) throws Exception {
            return browser.send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "text/html").build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        private String at(String path) {
            return "http://127.0.0.1:" + port + path;
        }

        /** Asks for a code as the page does, signs in on the form; the page's redirect, with the code or not. */
        private HttpResponse<String> signIn(String agency, String password, String verifier) throws Exception {
            String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(MessageDigest
                    .getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
            HttpResponse<String> authorize = get(at("/oauth2/authorize?response_type=code&client_id=reviewer-page"
                    + "&scope=openid&state=st4te&redirect_uri=" + URLEncoder.encode(PAGE, StandardCharsets.UTF_8)
                    + "&code_challenge=" + challenge + "&code_challenge_method=S256"));
            assertThat(authorize.statusCode()).as("sent to sign in").isEqualTo(302);
            assertThat(authorize.headers().firstValue("Location")).hasValue(at("/login"));
            HttpResponse<String> form = get(at("/login"));
            assertThat(form.statusCode()).isEqualTo(200);
            Matcher csrf = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"").matcher(form.body());
            assertThat(csrf.find()).as("the form's CSRF token").isTrue();
            HttpResponse<String> signedIn = browser.send(HttpRequest.newBuilder(URI.create(at("/login")))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("username=" + agency + "&password=" + password
                            + "&_csrf=" + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(signedIn.statusCode()).isEqualTo(302);
            String next = signedIn.headers().firstValue("Location").orElseThrow();
            return next.contains("error") ? signedIn : get(next);
        }

        private HttpResponse<String> exchange(String code, String verifier) throws Exception {
            return token("reviewer-page", "dev-only-reviewer-page", "grant_type=authorization_code&code="
                    + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&redirect_uri="
                    + URLEncoder.encode(PAGE, StandardCharsets.UTF_8) + "&code_verifier=" + verifier);
        }

        private static JsonNode claimsOf(String jwt) {
            return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]));
        }

        @Test
        void anAgencySignsIn_andThePageGetsTokensNamingThatAgency() throws Exception {
            String verifier = "a-verifier-the-page-made-up-of-at-least-43-characters-0123456789";
            HttpResponse<String> back = signIn("csc-a", "dev-only-csc-a", verifier);

            assertThat(back.statusCode()).isEqualTo(302);
            String location = back.headers().firstValue("Location").orElseThrow();
            assertThat(location).startsWith(PAGE + "?code=").contains("state=st4te");
            String code = URLDecoder.decode(location.replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);

            assertThat(exchange(code, "not-the-verifier-the-page-made-up-of-43-characters-0123456789")
                    .statusCode()).as("PKCE: the code is only the page's").isEqualTo(400);
            // signed in still: asking again gives a new code at once
            back = get(back.request().uri().toString());
            code = URLDecoder.decode(back.headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);
            HttpResponse<String> tokens = exchange(code, verifier);
            assertThat(tokens.statusCode()).as(tokens.body()).isEqualTo(200);
            JsonNode body = JSON.readTree(tokens.body());
            JsonNode id = claimsOf(body.get("id_token").asString());
            assertThat(id.get("agency").asString()).isEqualTo("csc-a");
            assertThat(id.get("sub").asString()).isEqualTo("csc-a");
            assertThat(id.get("aud").toString()).as("an ID token is for the page").contains("reviewer-page");
            JsonNode access = claimsOf(body.get("access_token").asString());
            assertThat(access.get("agency").asString()).isEqualTo("csc-a");
            assertThat(access.get("aud").toString()).contains("safeguarding-backbone");
        }

        @Test
        void aWrongPassword_isSentBackToTheForm_withNoCode() throws Exception {
            HttpResponse<String> back = signIn("csc-a", "dev-only-csc-b", "v".repeat(43));

            assertThat(back.headers().firstValue("Location")).hasValue(at("/login?error"));
        }

        @Test
        void anOperatorSigningIn_isNamedAnOperator_neverAnAgency() throws Exception {
            String verifier = "o".repeat(50);
            HttpResponse<String> back = signIn("operator", "dev-only-operator", verifier);
            String code = URLDecoder.decode(back.headers().firstValue("Location").orElseThrow()
                    .replaceAll(".*[?&]code=([^&]+).*", "$1"), StandardCharsets.UTF_8);

            JsonNode id = claimsOf(JSON.readTree(exchange(code, verifier).body()).get("id_token").asString());
            assertThat(id.get("operator").asString()).isEqualTo("operator");
            assertThat(id.has("agency")).isFalse();
        }
    }
}
