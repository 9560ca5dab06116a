package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguarding.backbone.localinfra.LocalKafkaBrokerTest.with;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.SslAuthenticationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;

/**
 * Kafka over TLS (issue 12, part 5): the broker's client listener serves SASL over TLS, and clients check its
 * certificate, host name included; a client that does not trust it, or speaks plain text, gets nothing through.
 */
class KafkaOverTlsTest {

    private static LocalKafkaBroker broker;

    @BeforeAll
    static void start() {
        broker = LocalKafkaBroker.startTemporary(KafkaAccess.forAgencies(List.of("school-a")), true);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    @Test
    void anAgencyAndAServiceTrustingTheCertificate_writeAndReadOverTls() throws Exception {
        Map<String, Object> agency = broker.clientConfig("school-a");
        assertThat(agency).containsEntry("security.protocol", "SASL_SSL").containsKey("ssl.truststore.location")
                .doesNotContainKey("ssl.endpoint.identification.algorithm");
        String inbound = Topics.inboundFrom("school-a");
        try (var producer = new KafkaProducer<>(with(agency, ProducerConfig.ACKS_CONFIG, "all"),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(inbound, "9990001707", "over tls")).get(60, TimeUnit.SECONDS);
        }
        try (var consumer = new KafkaConsumer<>(with(with(broker.clientConfig("referrals"),
                ConsumerConfig.GROUP_ID_CONFIG, "referrals-tls-check"), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest"), new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(inbound));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(r -> values.add(r.key() + "=" + r.value()));
            }
            assertThat(values).containsExactly("9990001707=over tls");
        }
    }

    @Test
    void aClientThatDoesNotTrustTheCertificate_isRefusedTheConnection() {
        Map<String, Object> untrusting = new HashMap<>(broker.clientConfig("school-a"));
        untrusting.keySet().removeIf(key -> key.startsWith("ssl.truststore"));
        assertThatThrownBy(() -> describe(untrusting)).hasCauseInstanceOf(SslAuthenticationException.class)
                .rootCause().isInstanceOf(java.security.cert.CertPathBuilderException.class);
    }

    @Test
    void aClientSpeakingPlainText_getsNothingThrough() {
        Map<String, Object> plain = new HashMap<>(broker.clientConfig("school-a"));
        plain.put("security.protocol", "SASL_PLAINTEXT");
        assertThatThrownBy(() -> describe(plain)).isInstanceOf(Exception.class);
    }

    private static void describe(Map<String, Object> config) throws Exception {
        Map<String, Object> quick = new HashMap<>(config);
        quick.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 10_000);
        quick.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        try (Admin admin = Admin.create(quick)) {
            admin.describeCluster().nodes().get(20, TimeUnit.SECONDS);
        }
    }
}
