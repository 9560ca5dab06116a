package org.safeguarding.backbone.referrals.security;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Agency systems call with a bearer token, validated by the service's own configuration, as in production: the
 * service discovers the identity provider from its issuer URI, fetches its keys, and checks each token's signature,
 * issuer, audience and expiry. The identity provider here is a small HTTP server on 127.0.0.1 publishing the
 * discovery document and the public key of a key pair made for this test, which signs the tokens.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class TokenAuthenticationTest {

    private static final KeyPair TRUSTED = keyPair();
    private static final KeyPair UNTRUSTED = keyPair();
    private static HttpServer identityProvider;
    private static String issuer;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) throws IOException {
        BackboneInfrastructure.kafkaAndRegistry(properties);
        identityProvider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        issuer = "http://127.0.0.1:" + identityProvider.getAddress().getPort();
        serve("/.well-known/openid-configuration", """
                {"issuer": "%s", "jwks_uri": "%s/jwks", "subject_types_supported": ["public"],
                 "id_token_signing_alg_values_supported": ["RS256"], "response_types_supported": ["code"]}"""
                .formatted(issuer, issuer));
        serve("/jwks", new JWKSet(new RSAKey.Builder((RSAPublicKey) TRUSTED.getPublic()).keyID("test-key").build())
                .toString());
        identityProvider.start();
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> issuer);
    }

    private static void serve(String path, String json) {
        identityProvider.createContext(path, exchange -> {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
    }

    @AfterAll
    static void stopIdentityProvider() {
        identityProvider.stop(0);
    }

    @Autowired MockMvc mvc;

    private static KeyPair keyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String token(KeyPair signer, String agency, String tokenIssuer, String audience, Instant expires) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(),
                    new JWTClaimsSet.Builder().subject(agency).claim("agency", agency).issuer(tokenIssuer)
                            .audience(List.of(audience)).issueTime(Date.from(expires.minusSeconds(3600)))
                            .expirationTime(Date.from(expires)).build());
            jwt.sign(new RSASSASigner(signer.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String valid(String agency) {
        return token(TRUSTED, agency, issuer, "safeguarding-backbone", Instant.now().plusSeconds(600));
    }

    @Test
    void anAgencyWithAValidTokenActsAsItself() throws Exception {
        mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(ShareApiTest.VALID)
                        .header("Authorization", "Bearer " + valid("school-a")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.sender.agency").value("school-a"));
        mvc.perform(get("/api/inbox/shares").header("Authorization", "Bearer " + valid("csc-a")))
                .andExpect(status().isOk());
    }

    @Test
    void aTokenThatIsNotTheIdentityProvidersForTheBackbone_andCurrent_isRefused() throws Exception {
        Instant later = Instant.now().plusSeconds(600);
        for (String refused : List.of(
                token(UNTRUSTED, "school-a", issuer, "safeguarding-backbone", later),
                token(TRUSTED, "school-a", "https://elsewhere.example", "safeguarding-backbone", later),
                token(TRUSTED, "school-a", issuer, "another-service", later),
                token(TRUSTED, "school-a", issuer, "safeguarding-backbone", Instant.now().minusSeconds(600)),
                "not-a-token")) {
            mvc.perform(get("/api/inbox/shares").header("Authorization", "Bearer " + refused))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unauthenticated"));
        }
    }

    @Test
    void aValidTokenForAnAgencyTheBackboneDoesNotKnow_grantsNothing() throws Exception {
        mvc.perform(get("/api/inbox/shares").header("Authorization", "Bearer " + valid("school-z")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:forbidden"));
    }

    @Test
    void noCredentialsAtAll_isTold_whichWaysToAuthenticate() throws Exception {
        mvc.perform(get("/api/inbox/shares"))
                .andExpect(status().isUnauthorized())
                .andExpect(header().string("WWW-Authenticate", "Bearer, Basic realm=\"safeguarding\""));
    }
}
