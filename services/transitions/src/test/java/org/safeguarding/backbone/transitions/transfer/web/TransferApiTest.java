package org.safeguarding.backbone.transitions.transfer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageAcknowledged;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageOverdue;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageSent;
import org.safeguarding.backbone.contracts.transitions.v1.TransferProposed;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.RecordTransfer;
import org.safeguarding.backbone.transitions.transfer.api.TransferCommands.TransferPackage;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A child's moves over HTTP: recorded by the agency the child leaves, which must have worked with the child; only
 * proposed by the agency it joins, until the leaving agency confirms; refused to anyone else.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listener must stop with the class: the PostgreSQL variant joins the same consumer group
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TransferApiTest {

    private static final String MOVE = """
            {"child": {"nhsNumber": "%s"}, "fromAgency": "school-a", "toAgency": "school-b",
             "reason": "Family moved to another part of the area", "movedOn": "2026-11-23"}
            """;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired Sealing sealing;
    @Autowired JsonMapper json;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired CommandGateway commands;

    /** school-a shares about the child with csc-a: from then on the backbone knows school-a works with the child. */
    private void schoolAWorksWith(String child) throws Exception {
        kafka.send(Topics.REFERRALS, child, InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                        .setOccurredAt(Instant.now()).setRecordedAt(Instant.now()).setActingAgency("school-a")
                        .setCorrelationId("c").build())
                .setShareId(UUID.randomUUID().toString()).setSenderAgency("school-a")
                .setRecipientAgencies(List.of("csc-a")).setPurpose("Concern")
                .setStatements(List.of(Statement.newBuilder().setText("Absent").build())).build()).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from child_involvement where child_id = ? and agency = 'school-a'", Integer.class,
                child) == 1);
    }

    private ResultActions report(String body, String agency) throws Exception {
        return mvc.perform(post("/api/transfers").contentType(MediaType.APPLICATION_JSON).content(body)
                .with(httpBasic(agency, "dev-only-" + agency)));
    }

    private String idOf(ResultActions result) throws Exception {
        return json.readTree(result.andReturn().getResponse().getContentAsString()).get("transferId").asString();
    }

    @Test
    void theAgencyTheChildLeavesRecordsTheMove_readableByBothAgencies_andPublished() throws Exception {
        schoolAWorksWith("9990000042");
        String transferId = idOf(mvc.perform(post("/api/transfers").contentType(MediaType.APPLICATION_JSON)
                        .content(MOVE.formatted("9990000042")).header("Idempotency-Key", "move-9990000042")
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.recordedBy").value("school-a")));
        // a retry under the same Idempotency-Key (issue 13) records no second move
        mvc.perform(post("/api/transfers").contentType(MediaType.APPLICATION_JSON)
                        .content(MOVE.formatted("9990000042")).header("Idempotency-Key", "move-9990000042")
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.transferId").value(transferId));

        mvc.perform(get("/api/transfers/{id}", transferId).with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toAgency").value("school-b"))
                .andExpect(jsonPath("$.reasonWarnings").isEmpty());
        // a reason in shorthand is recorded as written, with a warning for the term (R16)
        String shorthand = idOf(report(MOVE.formatted("9990000042").replace("Family moved to another part of the area",
                "Now LAC, placed out of area").replace("2026-11-23", "2026-11-24"), "school-a")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.reason").value("Now LAC, placed out of area"))
                .andExpect(jsonPath("$.reasonWarnings[0].field").value("reason"))
                .andExpect(jsonPath("$.reasonWarnings[0].term").value("LAC")));
        mvc.perform(get("/api/transfers/{id}", transferId).with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isNotFound());

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.TRANSITIONS)) {
            List<ConsumerRecord<String, SpecificRecord>> moved = reader.await(r ->
                    r.value() instanceof ChildTransferred t && t.getTransferId().equals(transferId), 1,
                    Duration.ofSeconds(60));
            assertThat(moved).hasSize(1);
            assertThat(moved.get(0).key()).isEqualTo("9990000042");
            assertThat(((ChildTransferred) moved.get(0).value()).getMovedOn()).isEqualTo(LocalDate.parse("2026-11-23"));
            assertThat(reader.await(r -> r.value() instanceof ChildTransferred t && t.getTransferId().equals(shorthand),
                    1, Duration.ofSeconds(60))).singleElement().satisfies(r -> assertThat(((ChildTransferred) r.value())
                    .getPlainLanguageWarnings()).extracting(w -> w.getTerm()).containsExactly("LAC"));
        }
    }

    @Test
    void aForgedTransfer_naming_another_agency_as_the_one_the_child_left_isOnlyAProposal_untilThatAgencyConfirms()
            throws Exception {
        String child = "9990000050";
        schoolAWorksWith(child);
        String forged = MOVE.formatted(child).replace("\"school-b\"", "\"police-a\"");

        String transferId = idOf(report(forged, "police-a")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.status").value("PROPOSED"))
                .andExpect(jsonPath("$.proposedBy").value("police-a"))
                .andExpect(jsonPath("$.recordedBy").doesNotExist()));
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.TRANSITIONS)) {
            assertThat(reader.await(r -> r.value() instanceof TransferProposed p
                    && p.getTransferId().equals(transferId), 1, Duration.ofSeconds(60))).hasSize(1);
        }
        mvc.perform(post("/api/transfers/{id}/confirmation", transferId).with(httpBasic("police-a",
                        "dev-only-police-a")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-the-leaving-agency"));
        assertThat(jdbc.queryForObject("select status from transfer_view where transfer_id = ?", String.class,
                transferId)).as("no move without the leaving agency").isEqualTo("PROPOSED");

        mvc.perform(post("/api/transfers/{id}/confirmation", transferId).with(httpBasic("school-a",
                        "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.recordedBy").value("school-a"));

        // the transfers rebuilt from the event store by an operator: proposed, then confirmed, as they were
        RebuildChecks.droppedAndRebuiltAsItWas(mvc, jdbc, sealing, "transfer-view", List.of("transfer_view"));
        mvc.perform(get("/api/transfers/{id}", transferId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("CONFIRMED"))
                .andExpect(jsonPath("$.proposedBy").value("police-a"));
    }

    @Test
    void theSameMoveReportedAgain_isRefusedNamingItsTransfer_andAProposedOneIsToBeConfirmed() throws Exception {
        String child = "9990001987";
        schoolAWorksWith(child);
        String recorded = idOf(report(MOVE.formatted(child), "school-a").andExpect(status().isCreated()));
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        for (String agency : List.of("school-a", "school-b")) {
            report(MOVE.formatted(child), agency)
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:move-already-reported"))
                    .andExpect(jsonPath("$.title").value("Move already reported"))
                    .andExpect(jsonPath("$.detail").value("This move of the child from school-a to school-b on "
                            + "2026-11-23 is already recorded: transfer " + recorded + "."));
        }
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class))
                .as("no second move, no second package").isEqualTo(before);
        // another day is another move (the child came back, and left again)
        report(MOVE.formatted(child).replace("2026-11-23", "2026-11-25"), "school-a").andExpect(status().isCreated());

        // the joining school proposed it first: the leaving school is told to confirm that proposal
        String proposed = idOf(report(MOVE.formatted(child).replace("2026-11-23", "2026-11-26"), "school-b")
                .andExpect(status().isCreated()));
        report(MOVE.formatted(child).replace("2026-11-23", "2026-11-26"), "school-a")
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("This move of the child from school-a to school-b on "
                        + "2026-11-26 is already proposed by school-b: transfer " + proposed + "; confirm it (POST "
                        + "/api/transfers/" + proposed + "/confirmation) rather than recording it again."));
        // a stranger learns nothing of it
        report(MOVE.formatted(child).replace("2026-11-23", "2026-11-26"), "police-a")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-party-to-transfer"));
    }

    @Test
    void anAgencyThatNeverWorkedWithTheChild_cannotRecordItMovingAway() throws Exception {
        report(MOVE.formatted("9990000069").replace("\"school-a\"", "\"school-c\""), "school-c")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-involved-with-child"));
    }

    @Test
    void badMovesAreRefusedNamingTheField_andNothingIsStored() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        String move = MOVE.formatted("9990000042");
        expect(move.replace("9990000042", "9990000043"), "school-a", 400, "child.nhsNumber");
        expect(move.replace("\"school-b\"", "\"nowhere\""), "school-a", 400, "toAgency");
        expect(move.replace("\"school-b\"", "\"school-a\""), "school-a", 400, "toAgency");
        expect(move.replace("\"2026-11-23\"", "\"23/11/2026\""), "school-a", 400, "movedOn");
        report(move, "police-a")
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-party-to-transfer"));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(before);
    }

    private void expect(String body, String agency, int status, String field) throws Exception {
        report(body, agency)
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }

    private String shared(String child, String from, List<String> to, String purpose) throws Exception {
        String shareId = UUID.randomUUID().toString();
        kafka.send(Topics.REFERRALS, child, InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                        .setOccurredAt(Instant.now()).setRecordedAt(Instant.now()).setActingAgency(from)
                        .setCorrelationId("c").build())
                .setShareId(shareId).setSenderAgency(from).setRecipientAgencies(to)
                .setPurpose(purpose).setLawfulBasis("Children Act 1989 s.17")
                .setConsent(org.safeguarding.backbone.contracts.referrals.v1.Consent.newBuilder()
                        .setStatus(org.safeguarding.backbone.contracts.referrals.v1.ConsentStatus.GIVEN)
                        .setReason("Parent agreed").setFamilyInformed(true).build())
                .setStatements(List.of(Statement.newBuilder().setText("Seen").build())).build()).get();
        return shareId;
    }

    private void withdrawn(String child, String from, String shareId) throws Exception {
        kafka.send(Topics.REFERRALS, child, ShareWithdrawn.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                        .setOccurredAt(Instant.now()).setRecordedAt(Instant.now()).setActingAgency(from)
                        .setCorrelationId("c").build())
                .setShareId(shareId).setSenderAgency(from).setRecipientAgencies(List.of("csc-a")).setCorrection(1)
                .setReason("Shared about the wrong child").setAcknowledgeBy(Instant.now()).build()).get();
    }

    @Test
    void theMoveSendsThePackageOfWhatTheLeavingSchoolHolds_theJoiningSchoolAcknowledgesIt_untilComplete()
            throws Exception {
        String child = "9990001588";
        shared(child, "school-a", List.of("csc-a"), "Unexplained absences");
        shared(child, "csc-a", List.of("school-a"), "Outcome of the assessment");
        shared(child, "gp-a", List.of("csc-a"), "Missed appointments");
        String wrong = shared(child, "school-a", List.of("csc-a"), "About another child");
        String unconsented = shared(child, "school-a", List.of("csc-a"), "Consent since withdrawn");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from held_share where child_id = ?", Integer.class, child) == 5);
        // a share its sender withdrew, or whose consent was withdrawn with no justification (issue 13), is not passed on
        withdrawn(child, "school-a", wrong);
        kafka.send(Topics.REFERRALS, child, ConsentWithdrawn.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                        .setOccurredAt(Instant.now()).setRecordedAt(Instant.now()).setActingAgency("school-a")
                        .setCorrelationId("c").build())
                .setShareId(unconsented).setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a"))
                .setWithdrawnAt(Instant.now()).setReason("The mother withdrew consent").build()).get();
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from held_share where child_id = ?", Integer.class, child) == 3);

        String transferId = idOf(report(MOVE.formatted(child), "school-a")
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.transferPackage.status").value("SENT"))
                // what school-a sent or received, not the GP's share it never held
                .andExpect(jsonPath("$.transferPackage.items[*].purpose").value(org.hamcrest.Matchers.contains(
                        "Unexplained absences", "Outcome of the assessment")))
                .andExpect(jsonPath("$.transferPackage.items[1].sharedBy").value("csc-a"))
                .andExpect(jsonPath("$.transferPackage.items[0].consentStatus").value("GIVEN"))
                .andExpect(jsonPath("$.transferPackage.items[0].lawfulBasis").value("Children Act 1989 s.17")));
        Instant acknowledgeBy = Instant.parse(json.readTree(mvc.perform(get("/api/transfers/{id}", transferId)
                        .with(httpBasic("school-b", "dev-only-school-b"))).andReturn().getResponse()
                .getContentAsString()).get("transferPackage").get("acknowledgeBy").asString());
        assertThat(acknowledgeBy).as("five school days of open time").isBetween(Instant.now().plus(Duration.ofDays(4)),
                Instant.now().plus(Duration.ofDays(30)));

        String incomplete = "{\"complete\": false, \"missing\": \"The CPP of October\"}";
        mvc.perform(post("/api/transfers/{id}/package/acknowledgement", transferId)
                        .contentType(MediaType.APPLICATION_JSON).content(incomplete)
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("not-the-joining-agency")));
        mvc.perform(post("/api/transfers/{id}/package/acknowledgement", transferId)
                        .contentType(MediaType.APPLICATION_JSON).content(incomplete)
                        .with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isNotFound());
        mvc.perform(post("/api/transfers/{id}/package/acknowledgement", transferId)
                        .contentType(MediaType.APPLICATION_JSON).content("{}")
                        .with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("complete"));
        mvc.perform(post("/api/transfers/{id}/package/acknowledgement", transferId)
                        .contentType(MediaType.APPLICATION_JSON).content(incomplete)
                        .with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transferPackage.status").value("INCOMPLETE"))
                .andExpect(jsonPath("$.transferPackage.missing").value("The CPP of October"))
                .andExpect(jsonPath("$.transferPackage.missingWarnings[0].field").value("missing"))
                .andExpect(jsonPath("$.transferPackage.missingWarnings[0].suggestion").value("child protection plan"));
        mvc.perform(post("/api/transfers/{id}/package/acknowledgement", transferId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"complete\": true}")
                        .with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.transferPackage.status").value("COMPLETE"));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.TRANSITIONS)) {
            List<ConsumerRecord<String, SpecificRecord>> packaged = reader.await(r ->
                    (r.value() instanceof TransferPackageSent p && p.getTransferId().equals(transferId))
                    || (r.value() instanceof TransferPackageAcknowledged a && a.getTransferId().equals(transferId)),
                    3, Duration.ofSeconds(60));
            assertThat(packaged).extracting(r -> r.value().getClass().getSimpleName()).containsExactly(
                    "TransferPackageSent", "TransferPackageAcknowledged", "TransferPackageAcknowledged");
            TransferPackageSent sent = (TransferPackageSent) packaged.get(0).value();
            assertThat(sent.getItems()).extracting(i -> i.getSharedBy()).containsExactly("school-a", "csc-a");
            assertThat(((TransferPackageAcknowledged) packaged.get(1).value()).getPlainLanguageWarnings())
                    .extracting(w -> w.getTerm()).containsExactly("CPP");
            assertThat(((TransferPackageAcknowledged) packaged.get(2).value()).getComplete()).isTrue();
        }
        RebuildChecks.droppedAndRebuiltAsItWas(mvc, jdbc, sealing, "transfer-view", List.of("transfer_view"));
    }

    @Test
    void aPackageNotAcknowledgedByItsDeadline_isOverdue_byItsStoredDeadline() throws Exception {
        String child = "9990001596";
        String transferId = UUID.randomUUID().toString();
        // recorded in January, due back in January
        CorrelatedCommands.sendAndWait(commands, new RecordTransfer(transferId, child, "school-a", "school-b",
                "Family moved", LocalDate.parse("2026-01-05"), "school-a", true,
                Instant.parse("2026-01-05T10:00:00Z"), new TransferPackage(List.of(),
                Instant.parse("2026-01-12T10:00:00Z"))), java.util.Map.of("correlationId", "moved-" + transferId));
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.TRANSITIONS)) {
            TransferPackageOverdue overdue = (TransferPackageOverdue) reader.await(r ->
                    r.value() instanceof TransferPackageOverdue o && o.getTransferId().equals(transferId), 1,
                    Duration.ofSeconds(60)).get(0).value();
            assertThat(overdue.getAcknowledgeBy()).isEqualTo(Instant.parse("2026-01-12T10:00:00Z"));
            assertThat(overdue.getEnvelope().getCorrelationId()).as("the move's conversation")
                    .isEqualTo("moved-" + transferId);
        }
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                mvc.perform(get("/api/transfers/{id}", transferId).with(httpBasic("school-b", "dev-only-school-b")))
                        .andExpect(jsonPath("$.transferPackage.overdue").value(true))
                        .andExpect(jsonPath("$.transferPackage.status").value("SENT")));
    }
}
