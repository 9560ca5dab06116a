package org.safeguarding.backbone.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLHandshakeException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.localinfra.KafkaAccess;
import org.safeguarding.backbone.localinfra.LocalAgencies;
import org.safeguarding.backbone.localinfra.LocalCertificates;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 12, part 5: the service serves HTTP over TLS with a certificate from a Spring Boot SSL bundle, and speaks to
 * Kafka over TLS, checking the broker's certificate; a share posted over HTTPS reaches the topic over TLS. A client
 * that does not trust the certificate, or speaks plain HTTP, gets nothing done.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TransportSecurityTest {

    private static final String CHILD = "9990001715";

    private static LocalKafkaBroker broker;
    private static LocalCertificates certificates;

    @DynamicPropertySource
    static void overTls(DynamicPropertyRegistry properties) throws IOException {
        broker = LocalKafkaBroker.startTemporary(KafkaAccess.forAgencies(LocalAgencies.fromClasspath()), true);
        LocalKafkaBroker started = broker;
        Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-tls-kafka"));
        certificates = LocalCertificates.in(Files.createTempDirectory("backbone-http-tls-"));
        properties.add("spring.kafka.bootstrap-servers", broker::bootstrapServers);
        broker.clientConfig(LocalKafkaBroker.ADMIN).forEach((key, value) -> {
            if (!key.equals("bootstrap.servers")) {
                properties.add("spring.kafka.properties." + key, () -> value);
            }
        });
        properties.add("backbone.messaging.registry-url", () -> BackboneInfrastructure.registry().url());
        properties.add("spring.ssl.bundle.jks.backbone.keystore.location",
                () -> "file:" + certificates.keyStore());
        properties.add("spring.ssl.bundle.jks.backbone.keystore.password", () -> LocalCertificates.PASSWORD);
        properties.add("spring.ssl.bundle.jks.backbone.keystore.type", () -> "PKCS12");
        properties.add("server.ssl.bundle", () -> "backbone");
    }

    @LocalServerPort int port;

    private HttpRequest share(String scheme) {
        return HttpRequest.newBuilder(URI.create(scheme + "://127.0.0.1:" + port + "/api/shares"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        "school-a:dev-only-school-a".getBytes(StandardCharsets.UTF_8)))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(VALID.replace(ShareApiTest.CHILD, CHILD))).build();
    }

    @Test
    void aSharePostedOverHttps_reachesItsTopicOverTls() throws Exception {
        HttpClient trusting = HttpClient.newBuilder().sslContext(certificates.clientContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> answer = trusting.send(share("https"), HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);

        Map<String, Object> config = new HashMap<>(broker.clientConfig(LocalKafkaBroker.ADMIN));
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "transport-security-check");
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.REFERRALS));
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            boolean arrived = false;
            while (!arrived && System.nanoTime() < deadline) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    arrived |= CHILD.equals(record.key());
                }
            }
            assertThat(arrived).as("the share on " + Topics.REFERRALS + ", through the TLS listener").isTrue();
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificate_orSpeaksPlainHttp_getsNothingDone() throws Exception {
        HttpClient untrusting = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        assertThatThrownBy(() -> untrusting.send(share("https"), HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(SSLHandshakeException.class);
        try {
            HttpResponse<String> plain = untrusting.send(share("http"), HttpResponse.BodyHandlers.ofString());
            assertThat(plain.statusCode()).as("plain HTTP to the TLS port").isEqualTo(400);
        } catch (IOException refused) {
            // the server may also close the connection: nothing was done either way
        }
    }
}
