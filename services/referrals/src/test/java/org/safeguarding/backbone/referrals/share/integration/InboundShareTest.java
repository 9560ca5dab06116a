package org.safeguarding.backbone.referrals.share.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.inbound.v1.Recipient;
import org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation;
import org.safeguarding.backbone.contracts.referrals.v1.ChildVoice;
import org.safeguarding.backbone.contracts.referrals.v1.Consent;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentStatus;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Principle;
import org.safeguarding.backbone.contracts.referrals.v1.PrincipleAttestation;
import org.safeguarding.backbone.contracts.referrals.v1.ShareCategory;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRejected;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.contracts.referrals.v1.StatementCurrency;
import org.safeguarding.backbone.contracts.referrals.v1.StatementKind;
import org.safeguarding.backbone.contracts.referrals.v1.Verification;
import org.safeguarding.backbone.messaging.consume.SentBytes;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.safeguarding.backbone.testsupport.TopicWriter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/** Shares arriving over Kafka: accepted once, refused with reasons, and never stalling on a bad record. */
@SpringBootTest
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class InboundShareTest {

    private static final String CHILD = "9990000115";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired JdbcTemplate jdbc;
    @Autowired SealedRecords sealed;

    static ShareInformation.Builder request(String requestId) {
        return ShareInformation.newBuilder()
                .setRequestId(requestId).setSendingAgency("police-a")
                .setSenderPractitioner("Officer One (synthetic)").setSenderRole("Domestic abuse officer")
                .setChildNhsNumber(CHILD)
                .setRecipients(List.of(Recipient.newBuilder().setAgency("school-a").setTeam(null).build()))
                .setPurpose("Police attended a domestic abuse incident at the child's home last night")
                .setLawfulBasis("Children Act 2004 s.11").setCategory(ShareCategory.EXPOSURE_TO_HARM)
                .setConsent(Consent.newBuilder().setStatus(ConsentStatus.NOT_SOUGHT)
                        .setReason("Operation Encompass notification").setSafeguardingJustification(
                                "The child was present during the incident").setFamilyInformed(true).build())
                .setPrinciples(Arrays.stream(Principle.values()).filter(p -> p != Principle.UNKNOWN)
                        .map(p -> PrincipleAttestation.newBuilder()
                        .setPrinciple(p).setAttested(true).build()).toList())
                .setStatements(List.of(Statement.newBuilder().setText("Officers attended at 23:40")
                        .setKind(StatementKind.FACT).setCurrency(StatementCurrency.CURRENT).setSource("Incident log")
                        .setVerification(Verification.VERIFIED).setVerifiedBy("Attending officer").build()))
                .setChildVoice(ChildVoice.newBuilder().setNotObtainedReason("The child was asleep").build())
                .setOccurredAt(Instant.now().minusSeconds(600));
    }

    private int storedShares(String requestId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, InboundShareListener.shareId("police-a", requestId));
    }

    private static final String POLICE_INBOUND = Topics.inboundFrom("police-a");

    @Test
    void aGoodRequestIsRecordedOnce_aBadOneIsRefusedWithItsReasons_andNeitherStallsTheConsumer() throws Exception {
        String good = UUID.randomUUID().toString();
        String bad = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        try (TopicWriter<SpecificRecord> police = TopicWriter.avroAs("police-a");
             TopicWriter<byte[]> raw = TopicWriter.rawAs("police-a")) {
            police.send(POLICE_INBOUND, CHILD, request(good).build());
            police.send(POLICE_INBOUND, CHILD, request(good).build());
            police.send(POLICE_INBOUND, CHILD, request(bad)
                    .setConsent(Consent.newBuilder().setStatus(ConsentStatus.REFUSED).setReason("Parent declined")
                            .setFamilyInformed(true).build())
                    .setRecipients(List.of(Recipient.newBuilder().setAgency("nowhere").setTeam(null).build()))
                    .build());
            raw.send(POLICE_INBOUND, CHILD, ("garbage " + after).getBytes(StandardCharsets.UTF_8));
            police.send(POLICE_INBOUND, CHILD, request(after).build());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> storedShares(after) == 1);
        assertThat(storedShares(good)).as("recorded once, though sent twice").isEqualTo(1);
        assertThat(storedShares(bad)).as("a refused request changes nothing").isZero();

        try (TopicReader<SpecificRecord> answers = TopicReader.<SpecificRecord>avro(Topics.REFERRALS).opening(sealed)) {
            List<ConsumerRecord<String, SpecificRecord>> rejected = answers.await(r ->
                    r.value() instanceof ShareRejected s && s.getRequestId().equals(bad), 1, Duration.ofSeconds(60));
            assertThat(rejected).hasSize(1);
            ShareRejected rejection = (ShareRejected) rejected.get(0).value();
            assertThat(rejection.getSendingAgency()).isEqualTo("police-a");
            assertThat(rejection.getProblems()).extracting(p -> p.getField())
                    .containsExactly("recipients[0].agency");
            List<ConsumerRecord<String, SpecificRecord>> shared = answers.await(r ->
                    r.value() instanceof InformationShared s
                            && s.getShareId().equals(InboundShareListener.shareId("police-a", good)), 1,
                    Duration.ofSeconds(60));
            assertThat(shared).hasSize(1);
            assertThat(((InformationShared) shared.get(0).value()).getEnvelope().getCorrelationId()).isEqualTo(good);
        }
        // the sending agency reads the dead letters of its own inbound topic, with the reasons
        try (TopicReader<byte[]> deadLetters = TopicReader.rawAs("police-a",
                POLICE_INBOUND + Topics.DEAD_LETTER_SUFFIX)) {
            List<ConsumerRecord<String, byte[]>> dead = deadLetters.await(r -> true, 2, Duration.ofSeconds(60));
            assertThat(dead).extracting(r -> new String(r.headers().lastHeader("kafka_dlt-exception-message").value(),
                            StandardCharsets.UTF_8))
                    .anySatisfy(reason -> assertThat(reason).contains(bad).contains("recipients[0].agency"))
                    .anySatisfy(reason -> assertThat(reason).containsIgnoringCase("deserializ"));
        }
    }

    @Test
    void theTopicSaysWhoIsSending_aRecordClaimingAnotherAgencyIsRefused_andNoAgencyWritesAnothersTopic()
            throws Exception {
        String forged = UUID.randomUUID().toString();
        try (TopicWriter<SpecificRecord> police = TopicWriter.avroAs("police-a")) {
            police.send(POLICE_INBOUND, CHILD, request(forged).setSendingAgency("csc-a").build());
            assertThatThrownBy(() -> police.send(Topics.inboundFrom("csc-a"), CHILD, request(forged).build()))
                    .hasCauseInstanceOf(TopicAuthorizationException.class);
            assertThatThrownBy(() -> police.send(Topics.REFERRALS, CHILD, request(forged).build()))
                    .as("the services' topics are internal").hasCauseInstanceOf(TopicAuthorizationException.class);
        }

        try (TopicReader<SpecificRecord> answers = TopicReader.<SpecificRecord>avro(Topics.REFERRALS).opening(sealed)) {
            List<ConsumerRecord<String, SpecificRecord>> rejected = answers.await(r ->
                    r.value() instanceof ShareRejected s && s.getRequestId().equals(forged), 1,
                    Duration.ofSeconds(60));
            assertThat(rejected).hasSize(1);
            ShareRejected rejection = (ShareRejected) rejected.get(0).value();
            assertThat(rejection.getSendingAgency()).as("the agency that really sent it").isEqualTo("police-a");
            assertThat(rejection.getProblems()).extracting(p -> p.getType() + ":" + p.getField())
                    .containsExactly("not-the-sending-agency:sendingAgency");
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier in (?, ?)",
                Integer.class, InboundShareListener.shareId("police-a", forged),
                InboundShareListener.shareId("csc-a", forged))).isZero();
    }

    @Test
    void theAggregatesRulesApplyToo_consentRefusedWithoutJustificationIsRefused() throws Exception {
        String requestId = UUID.randomUUID().toString();
        try (TopicWriter<SpecificRecord> police = TopicWriter.avroAs("police-a")) {
            police.send(POLICE_INBOUND, CHILD, request(requestId)
                    .setConsent(Consent.newBuilder().setStatus(ConsentStatus.REFUSED).setReason("Parent declined")
                            .setFamilyInformed(true).build()).build());
        }

        try (TopicReader<SpecificRecord> answers = TopicReader.<SpecificRecord>avro(Topics.REFERRALS).opening(sealed)) {
            List<ConsumerRecord<String, SpecificRecord>> rejected = answers.await(r ->
                    r.value() instanceof ShareRejected s && s.getRequestId().equals(requestId), 1, Duration.ofSeconds(60));
            assertThat(rejected).hasSize(1);
            assertThat(((ShareRejected) rejected.get(0).value()).getProblems())
                    .extracting(p -> p.getType() + ":" + p.getField())
                    .containsExactly("no-safeguarding-justification:consent.safeguardingJustification");
        }
        assertThat(storedShares(requestId)).isZero();
    }

    /**
     * Issue 10: every contract enum resolves a symbol newer than its reader to UNKNOWN. A request carrying it (sent by
     * a system on a newer contract, or as such) is refused with the field it was in, never taken as some other value.
     */
    @Test
    void aSymbolTheBackboneDoesNotTake_isRefusedWithItsField() throws Exception {
        String requestId = UUID.randomUUID().toString();
        try (TopicWriter<SpecificRecord> police = TopicWriter.avroAs("police-a")) {
            police.send(POLICE_INBOUND, CHILD, request(requestId).setCategory(ShareCategory.UNKNOWN).build());
        }

        try (TopicReader<SpecificRecord> answers = TopicReader.<SpecificRecord>avro(Topics.REFERRALS).opening(sealed)) {
            ShareRejected rejected = (ShareRejected) answers.await(r -> r.value() instanceof ShareRejected s
                    && s.getRequestId().equals(requestId), 1, Duration.ofSeconds(60)).get(0).value();
            assertThat(rejected.getProblems()).extracting(p -> p.getType() + ":" + p.getField())
                    .containsExactly("unknown-value:category");
            assertThat(rejected.getProblems().get(0).getMessage()).contains("EXPOSURE_TO_HARM");
        }
        assertThat(storedShares(requestId)).isZero();
    }

    /**
     * Issue 12: an agency's inbound topic is input the backbone does not control. A request id too long for the
     * store, an empty one, a claim of any length, a key that is no NHS number: each is refused with its reason (a
     * ShareRejected small enough for every consumer of it to file), dead-lettered, and the topic goes on. Before,
     * the long id failed at the database and was retried; with retries until success it would have held the
     * agency's topic up for ever.
     */
    @Test
    void hostileValues_areRefusedWithReasons_boundedForEveryConsumer_andTheTopicGoesOn() throws Exception {
        String longId = "L" + UUID.randomUUID().toString().replace("-", "").repeat(8);
        String claimed = UUID.randomUUID().toString();
        String after = UUID.randomUUID().toString();
        try (TopicWriter<SpecificRecord> police = TopicWriter.avroAs("police-a")) {
            police.send(POLICE_INBOUND, "1".repeat(40), request(longId).build());
            police.send(POLICE_INBOUND, CHILD, request("").build());
            police.send(POLICE_INBOUND, "not a child", request(claimed).setChildNhsNumber("x".repeat(50))
                    .setSendingAgency("a".repeat(5000)).build());
            police.send(POLICE_INBOUND, CHILD, request(after).build());
        }

        await().atMost(Duration.ofSeconds(60)).until(() -> storedShares(after) == 1);
        try (TopicReader<SpecificRecord> answers = TopicReader.<SpecificRecord>avro(Topics.REFERRALS).opening(sealed)) {
            ShareRejected tooLong = (ShareRejected) answers.await(r -> r.value() instanceof ShareRejected s
                    && s.getRequestId().equals(longId.substring(0, 100)), 1, Duration.ofSeconds(60)).get(0).value();
            assertThat(tooLong.getProblems()).extracting(p -> p.getType() + ":" + p.getField())
                    .containsExactly("invalid-request-id:requestId");
            assertThat(tooLong.getEnvelope().getChildId()).as("the request's own NHS number").isEqualTo(CHILD);
            assertThat(tooLong.getEnvelope().getCorrelationId()).hasSizeLessThanOrEqualTo(100);

            assertThat(answers.await(r -> r.value() instanceof ShareRejected s && s.getRequestId().isEmpty(), 1,
                    Duration.ofSeconds(60))).hasSize(1);

            ShareRejected forged = (ShareRejected) answers.await(r -> r.value() instanceof ShareRejected s
                    && s.getRequestId().equals(claimed), 1, Duration.ofSeconds(60)).get(0).value();
            assertThat(forged.getEnvelope().getChildId()).isEqualTo(InboundShareListener.UNIDENTIFIED_CHILD);
            assertThat(forged.getProblems()).extracting(p -> p.getField())
                    .contains("sendingAgency", "childNhsNumber");
            assertThat(forged.getProblems()).allSatisfy(p -> assertThat(p.getMessage()).hasSizeLessThan(510));
        }
        assertThat(storedShares(claimed)).isZero();
    }

    /**
     * Issue 10: a request id is how the sender knows its request. The same request sent again is recorded once; a
     * different request under an id already taken was silently dropped as a repeat. Now it is refused with its reason,
     * and the share first recorded under the id stays as it was.
     */
    @Test
    void anotherRequestUnderAnIdAlreadyTaken_isRefusedNotDropped() throws Exception {
        String requestId = UUID.randomUUID().toString();
        try (TopicWriter<SpecificRecord> police = TopicWriter.avroAs("police-a")) {
            police.send(POLICE_INBOUND, CHILD, request(requestId).build());
            police.send(POLICE_INBOUND, CHILD, request(requestId).setPurpose("Something else entirely, sent later")
                    .build());
            police.send(POLICE_INBOUND, CHILD, request(requestId).build());
        }

        try (TopicReader<SpecificRecord> answers = TopicReader.<SpecificRecord>avro(Topics.REFERRALS).opening(sealed)) {
            List<ConsumerRecord<String, SpecificRecord>> rejected = answers.await(r ->
                    r.value() instanceof ShareRejected s && s.getRequestId().equals(requestId), 1,
                    Duration.ofSeconds(60));
            assertThat(((ShareRejected) rejected.get(0).value()).getProblems())
                    .extracting(p -> p.getType() + ":" + p.getField())
                    .containsExactly("request-id-reused:requestId");
            List<ConsumerRecord<String, SpecificRecord>> shared = answers.await(r ->
                    r.value() instanceof InformationShared s
                            && s.getShareId().equals(InboundShareListener.shareId("police-a", requestId)), 1,
                    Duration.ofSeconds(60));
            assertThat(((InformationShared) shared.get(0).value()).getPurpose())
                    .as("the share first recorded under the id").startsWith("Police attended");
        }
        assertThat(storedShares(requestId)).as("recorded once: the same request again is a repeat").isEqualTo(1);
    }

    @Test
    void theFingerprintOfARequest_isItsContent_notTheOrderOfItsMapEntries() {
        ShareInformation one = request("r-1").setChildLocalIds(new LinkedHashMap<>(Map.of()))
                .build();
        LinkedHashMap<String, String> ab = new LinkedHashMap<>();
        ab.put("school", "S-1");
        ab.put("gp", "G-1");
        LinkedHashMap<String, String> ba = new LinkedHashMap<>();
        ba.put("gp", "G-1");
        ba.put("school", "S-1");
        ShareInformation first = ShareInformation.newBuilder(one).setChildLocalIds(ab).build();
        ShareInformation second = ShareInformation.newBuilder(one).setChildLocalIds(ba).build();

        assertThat(InboundShareListener.fingerprint(first)).isEqualTo(InboundShareListener.fingerprint(second))
                .hasSize(64);
        assertThat(InboundShareListener.fingerprint(ShareInformation.newBuilder(first).setPurpose("Other").build()))
                .isNotEqualTo(InboundShareListener.fingerprint(first));
    }

    /**
     * A request as an agency's own system encodes it: with a schema of its own (here the contract with one optional
     * field more), registered through the registry's Confluent API under a subject of its own, in the Confluent wire
     * format (magic byte 0, the 4-byte id, the Avro binary).
     */
    private static byte[] asAForeignClientEncodes(ShareInformation request) throws Exception {
        Schema writer = new Schema.Parser().parse(ShareInformation.getClassSchema().toString().replaceFirst(
                "\"fields\":\\[", "\"fields\":[{\"name\":\"senderSystem\",\"type\":[\"null\",\"string\"],"
                        + "\"default\":null},"));
        HttpResponse<String> registered = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        BackboneInfrastructure.registry().url() + "/apis/ccompat/v7/subjects/" + POLICE_INBOUND
                                + "-value/versions"))
                .header("Content-Type", "application/vnd.schemaregistry.v1+json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
                        Map.of("schema", writer.toString())))).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(200);
        int id = JSON.readTree(registered.body()).get("id").asInt();

        ByteArrayOutputStream asClass = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(asClass, null);
        new SpecificDatumWriter<ShareInformation>(ShareInformation.class).write(request, encoder);
        encoder.flush();
        GenericRecord asWriter = new GenericDatumReader<GenericRecord>(ShareInformation.getClassSchema(), writer)
                .read(null, DecoderFactory.get().binaryDecoder(asClass.toByteArray(), null));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        wire.write(0);
        wire.write(ByteBuffer.allocate(4).putInt(id).array());
        BinaryEncoder body = EncoderFactory.get().binaryEncoder(wire, null);
        new GenericDatumWriter<GenericRecord>(writer).write(asWriter, body);
        body.flush();
        return wire.toByteArray();
    }

    /**
     * Issue 10: a dead letter is the record as its sender sent it, byte for byte, so the sender decodes it with what
     * it encoded it with; before, it was encoded again under the backbone's own registration of the type.
     */
    @Test
    void aRefusedRequestsDeadLetter_isTheBytesAsSent_withTheReasonInItsHeaders() throws Exception {
        String accepted = UUID.randomUUID().toString();
        try (TopicWriter<byte[]> raw = TopicWriter.rawAs("police-a")) {
            raw.send(POLICE_INBOUND, CHILD, asAForeignClientEncodes(request(accepted).build()));
        }
        await("a request in the agency's own registration is taken").atMost(Duration.ofSeconds(60))
                .until(() -> storedShares(accepted) == 1);

        String requestId = UUID.randomUUID().toString();
        ShareInformation refused = request(requestId).setRecipients(List.of(Recipient.newBuilder()
                .setAgency("nowhere").setTeam(null).build())).build();
        byte[] sent = asAForeignClientEncodes(refused);
        try (TopicWriter<byte[]> raw = TopicWriter.rawAs("police-a")) {
            raw.send(POLICE_INBOUND, CHILD, sent);
        }

        try (TopicReader<byte[]> deadLetters = TopicReader.rawAs("police-a",
                POLICE_INBOUND + Topics.DEAD_LETTER_SUFFIX)) {
            ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> new String(
                    r.headers().lastHeader("kafka_dlt-exception-message").value(), StandardCharsets.UTF_8)
                    .contains(requestId), 1, Duration.ofSeconds(60)).get(0);
            assertThat(dead.value()).as("the bytes as sent").isEqualTo(sent);
            assertThat(dead.headers().lastHeader(SentBytes.HEADER))
                    .as("the backbone's own header stays inside").isNull();
        }
    }
}
