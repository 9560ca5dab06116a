package org.safeguarding.backbone.messaging.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Contracts;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRead;
import org.safeguarding.backbone.localinfra.LocalSchemaRegistry;

/**
 * Issue 10: a client that speaks only the Confluent Schema Registry API ({@code /apis/ccompat/v7}) finds every
 * contract, as a self-contained schema, under the id the backbone's records carry; the registry refuses a change
 * that would break readers. Before, the schemas were registered with references into groups that API does not see:
 * it listed no subject, and no foreign client decoded a record.
 */
class ContractRegistrationTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static LocalSchemaRegistry registry;

    @BeforeAll
    static void registry() throws Exception {
        registry = LocalSchemaRegistry.startTemporary();
        // four services starting at once, as the embedded default starts them
        List<ContractRegistration> services = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            services.add(new ContractRegistration(() -> ContractSchemas.client(serdeConfig(true)),
                    Contracts.records(), Duration.ofMillis(200), Duration.ofSeconds(2)));
        }
        services.forEach(ContractRegistration::start);
        for (ContractRegistration service : services) {
            assertThat(service.awaitRegistered(Duration.ofSeconds(90))).isTrue();
            service.stop();
        }
    }

    @AfterAll
    static void stop() {
        registry.close();
    }

    private static Map<String, Object> serdeConfig(boolean autoRegister) {
        return ContractSchemas.serdeConfig(registry.url() + "/apis/registry/v2", autoRegister);
    }

    private static JsonNode confluent(String path) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(registry.url()
                + "/apis/ccompat/v7" + path)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    @Test
    void everyContractIsASubject_selfContained_asItsClassWritesIt() throws Exception {
        List<String> subjects = new ArrayList<>();
        confluent("/subjects").forEach(subject -> subjects.add(subject.asText()));
        assertThat(subjects).containsExactlyInAnyOrderElementsOf(
                Contracts.records().stream().map(Contracts::subjectOf).toList());

        for (Schema record : Contracts.records()) {
            JsonNode latest = confluent("/subjects/" + URLEncoder.encode(Contracts.subjectOf(record),
                    StandardCharsets.UTF_8) + "/versions/latest");
            assertThat(latest.path("references").size()).as(record.getFullName() + " has no references").isZero();
            // parsed alone, with nothing else known: what a client without reference support does
            Schema served = new Schema.Parser().parse(latest.get("schema").asText());
            assertThat(served).as(record.getFullName()).isEqualTo(record);
        }
    }

    @Test
    void theIdInARecord_isTheIdTheConfluentApiServesItsSchemaUnder() throws Exception {
        ShareRead read = ShareRead.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId("e-1").setChildId("9990000018")
                        .setOccurredAt(Instant.parse("2026-01-01T00:00:00Z"))
                        .setRecordedAt(Instant.parse("2026-01-01T00:00:00Z"))
                        .setActingAgency("school-a").setCorrelationId("c-1").build())
                .setShareId("s-1").setRecipientAgency("school-a").setSenderAgency("gp-a").build();
        byte[] wire;
        // a service not allowed to register finds the version registered at start
        try (AvroKafkaSerializer<SpecificRecord> serializer = new AvroKafkaSerializer<>()) {
            serializer.configure(serdeConfig(false), false);
            wire = serializer.serialize("safeguarding.referrals.events.v1", read);
        }
        assertThat(wire[0]).as("Confluent's magic byte").isZero();
        int id = ByteBuffer.wrap(wire, 1, 4).getInt();

        JsonNode byId = confluent("/schemas/ids/" + id);
        assertThat(new Schema.Parser().parse(byId.get("schema").asText())).isEqualTo(ShareRead.getClassSchema());
        JsonNode latest = confluent("/subjects/" + Contracts.subjectOf(ShareRead.getClassSchema())
                + "/versions/latest");
        assertThat(latest.get("id").asInt()).isEqualTo(id);
    }

    @Test
    void theRegistryRefusesAVersionOlderReadersCouldNotRead() throws Exception {
        Schema current = ShareRead.getClassSchema();
        String breaking = current.toString().replaceFirst("\"fields\":\\[",
                "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},");
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(registry.url()
                        + "/apis/ccompat/v7/subjects/" + Contracts.subjectOf(current) + "/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("schema", breaking))))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(409);
        assertThat(confluent("/subjects/" + Contracts.subjectOf(current) + "/versions").size()).isEqualTo(1);
    }
}
