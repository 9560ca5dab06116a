package org.safeguarding.backbone.referrals.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
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
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

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
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

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
        return token(signer, agency, tokenIssuer, audience, expires, Map.of());
    }

    private static String token(KeyPair signer, String agency, String tokenIssuer, String audience, Instant expires,
                                Map<String, Object> more) {
        try {
            JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject(agency).claim("agency", agency)
                    .issuer(tokenIssuer).audience(List.of(audience)).issueTime(Date.from(expires.minusSeconds(3600)))
                    .expirationTime(Date.from(expires));
            more.forEach(claims::claim);
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test-key").build(),
                    claims.build());
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

    private static String actingAs(String agency, Object practitioner) {
        return token(TRUSTED, agency, issuer, "safeguarding-backbone", Instant.now().plusSeconds(600),
                Map.of("practitioner", practitioner));
    }

    @Test
    void thePractitionerATokenNames_isRecordedOnTheActsTheirRequestsCause_andNoOthers() throws Exception {
        String body = mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(ShareApiTest.VALID)
                        .header("Authorization", "Bearer " + actingAs("school-a", "Designated lead (synthetic) 1")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String shareId = json.readTree(body).get("shareId").asString();
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId)
                        .header("Authorization", "Bearer " + actingAs("gp-a", "Duty GP (synthetic) 7")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId)
                        .header("Authorization", "Bearer " + valid("csc-a")))
                .andExpect(status().isOk());

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<ConsumerRecord<String, SpecificRecord>> records = reader.await(
                    r -> r.value() instanceof InformationShared shared && shared.getShareId().equals(shareId)
                            || r.value() instanceof ShareAcknowledged acknowledged
                            && acknowledged.getShareId().equals(shareId), 3, Duration.ofSeconds(60));
            assertThat(records).extracting(r -> r.value() instanceof InformationShared shared
                            ? "shared by " + shared.getEnvelope().getActingPractitioner()
                            : "acknowledged by " + ((ShareAcknowledged) r.value()).getRecipientAgency() + ": "
                                    + ((ShareAcknowledged) r.value()).getEnvelope().getActingPractitioner())
                    .containsExactlyInAnyOrder("shared by Designated lead (synthetic) 1",
                            "acknowledged by gp-a: Duty GP (synthetic) 7", "acknowledged by csc-a: null");
        }
    }

    @Test
    void aTokenNamingAPractitionerThatCannotBeRecorded_isRefused_andNothingIsDone() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        for (Object unrecordable : List.of("", "x".repeat(201), "Duty\nGP", 42)) {
            mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(ShareApiTest.VALID)
                            .header("Authorization", "Bearer " + actingAs("school-a", unrecordable)))
                    .andExpect(status().isUnauthorized())
                    .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unauthenticated"))
                    .andExpect(jsonPath("$.detail").value(containsString("'practitioner' claim")));
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(before);
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
                // a header each, as browsers read them: they offer to sign in with Basic only so
                .andExpect(header().stringValues("WWW-Authenticate", "Bearer", "Basic realm=\"safeguarding\""));
    }
}
