package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.messaging.publish.KafkaIntegrationPublisher;
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
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The share API over HTTP, on a real event store, broker and schema registry. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
public class ShareApiTest {

    public static final String CHILD = "9990000026";
    static final String PRINCIPLES = """
            [{"principle": "NECESSARY_AND_PROPORTIONATE", "attested": true}, {"principle": "RELEVANT", "attested": true},
             {"principle": "ADEQUATE", "attested": true}, {"principle": "ACCURATE", "attested": true},
             {"principle": "TIMELY", "attested": true}, {"principle": "SECURE", "attested": true}]""";
    static final String CONSENT_GIVEN = """
            {"status": "GIVEN", "reason": "Parent agreed at a meeting", "familyInformed": true}""";
    public static final String VALID = """
            {"sender": {"practitioner": "A. Teacher (synthetic)", "role": "Designated safeguarding lead"},
             "child": {"nhsNumber": "%s", "localIds": {"school-a-records": "S-0002"}},
             "relatedPeople": [{"name": "Parent One (synthetic)", "role": "PARENT_OR_CARER"}],
             "recipients": [{"agency": "csc-a", "team": "Front door team"}, {"agency": "gp-a"}],
             "purpose": "Concern about repeated unexplained absences and a disclosure in class",
             "lawfulBasis": "Children Act 1989 s.47",
             "category": "EXPOSURE_TO_HARM",
             "consent": %s,
             "principles": %s,
             "statements": [{"text": "Absent 6 of the last 10 school days", "kind": "FACT", "currency": "CURRENT",
                             "source": "Attendance register", "verification": "VERIFIED", "verifiedBy": "Attendance officer"}],
             "childVoice": {"whatTheChildSaid": "I don't like going home on Fridays", "circumstances": "One-to-one", "howDisclosed": "Unprompted"},
             "urgency": "ROUTINE", "channel": "WRITTEN"}
            """.formatted(CHILD, CONSENT_GIVEN, PRINCIPLES);

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;
    @Autowired EventProcessingConfiguration processing;
    @Autowired SealedRecords sealed;

    /** A POST of a JSON body. */
    public static MockHttpServletRequestBuilder postJson(String path, String body, Object... vars) {
        return post(path, vars).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    public static RequestPostProcessor as(String agency) {
        return httpBasic(agency, "dev-only-" + agency);
    }

    MockHttpServletRequestBuilder share(String body) {
        return post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(body);
    }

    String shareAsSchool() throws Exception {
        String body = mvc.perform(share(VALID).with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(header().exists("Location"))
                .andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("shareId").asString();
    }

    @Test
    void theSenderAndEachRecipientCanReadAShare_anotherAgencyIsToldItDoesNotExist() throws Exception {
        String shareId = shareAsSchool();

        mvc.perform(get("/api/shares/{id}", shareId).with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.childId").value(CHILD))
                .andExpect(jsonPath("$.sender.agency").value("school-a"))
                .andExpect(jsonPath("$.sender.role").value("Designated safeguarding lead"))
                .andExpect(jsonPath("$.recipients[0].team").value("Front door team"))
                .andExpect(jsonPath("$.consent.status").value("GIVEN"))
                .andExpect(jsonPath("$.principles.length()").value(6))
                .andExpect(jsonPath("$.statements[0].kind").value("FACT"))
                .andExpect(jsonPath("$.statements[0].verifiedBy").value("Attendance officer"))
                .andExpect(jsonPath("$.childVoice.whatTheChildSaid").value("I don't like going home on Fridays"))
                .andExpect(jsonPath("$.acknowledgeBy").exists())
                .andExpect(jsonPath("$.purpose").value(
                        "Concern about repeated unexplained absences and a disclosure in class"))
                .andExpect(jsonPath("$.recipients[0].agency").value("csc-a"))
                .andExpect(jsonPath("$.recipients[0].acknowledged").value(false))
                .andExpect(jsonPath("$.statements[0].text").value("Absent 6 of the last 10 school days"));
        mvc.perform(get("/api/shares/{id}", shareId).with(as("gp-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/shares/{id}", shareId).with(as("police-a")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-found"));
        mvc.perform(get("/api/shares/{id}", "no-such-share").with(as("police-a")))
                .andExpect(status().isNotFound());
    }

    @Test
    void eventsReachKafkaAtLeastOnce_aFailedPublicationIsRetriedNeverSkipped() {
        assertThat(processing.eventProcessor(KafkaIntegrationPublisher.PROCESSING_GROUP))
                .get().isInstanceOf(StreamingEventProcessor.class);
        assertThat(processing.listenerInvocationErrorHandler(KafkaIntegrationPublisher.PROCESSING_GROUP))
                .isInstanceOf(PropagatingErrorHandler.class);
    }

    @Test
    void consentRefusedWithAJustificationIsAccepted_andTheJustificationIsOnTheRecord() throws Exception {
        String refused = """
                {"status": "REFUSED", "reason": "Parent declined",
                 "safeguardingJustification": "Risk of significant harm after the child's disclosure",
                 "familyInformed": false, "familyNotInformedReason": "Telling them could increase the risk"}""";
        String body = mvc.perform(share(VALID.replace(CONSENT_GIVEN, refused)).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String shareId = json.readTree(body).get("shareId").asString();

        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.consent.status").value("REFUSED"))
                .andExpect(jsonPath("$.consent.safeguardingJustification")
                        .value("Risk of significant harm after the child's disclosure"))
                .andExpect(jsonPath("$.consent.familyInformed").value(false));
    }

    @Test
    void jargonIsReportedAsWarnings_neverRewritten() throws Exception {
        String withJargon = VALID.replace("Concern about repeated unexplained absences and a disclosure in class",
                "Concern raised with the DSL; PA and a disclosure");
        mvc.perform(share(withJargon).with(as("school-a")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.purpose").value("Concern raised with the DSL; PA and a disclosure"))
                .andExpect(jsonPath("$.plainLanguageWarnings[0].field").value("purpose"))
                .andExpect(jsonPath("$.plainLanguageWarnings[0].term").value("DSL"))
                .andExpect(jsonPath("$.plainLanguageWarnings[0].suggestion").value("designated safeguarding lead"))
                .andExpect(jsonPath("$.plainLanguageWarnings[1].term").value("PA"));
    }

    @Test
    void anUnauthenticatedCallerIsRefused() throws Exception {
        mvc.perform(share(VALID))
                .andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unauthenticated"));
        mvc.perform(share(VALID).with(httpBasic("school-a", "wrong-password")))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void aRecipientAcknowledges_theSenderCannot_anotherAgencyCannotTell() throws Exception {
        String shareId = shareAsSchool();

        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[0].agency").value("csc-a"))
                .andExpect(jsonPath("$.recipients[0].acknowledged").value(true))
                .andExpect(jsonPath("$.recipients[1].acknowledged").value(false));
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(as("csc-a")))
                .andExpect(status().isOk());
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(as("school-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-a-recipient"));
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(as("police-a")))
                .andExpect(status().isNotFound());

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, shareId)).as("shared once, acknowledged once").isEqualTo(2);
    }

    @Test
    void sharesAndAcknowledgementsArePublishedAsAvro_keyedByChild_inTheConfluentWireFormat() throws Exception {
        String body = mvc.perform(share(VALID).with(as("school-a")).header("X-Correlation-Id", "case-conference-42"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String shareId = json.readTree(body).get("shareId").asString();
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(as("gp-a"))).andExpect(status().isOk());

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<ConsumerRecord<String, SpecificRecord>> records = reader.await(r -> concerns(r.value(), shareId), 2,
                    Duration.ofSeconds(60));
            assertThat(records).hasSize(2);
            assertThat(records).allSatisfy(r -> assertThat(r.key()).isEqualTo(CHILD));
            InformationShared shared = (InformationShared) records.get(0).value();
            assertThat(shared.getSenderAgency()).isEqualTo("school-a");
            assertThat(shared.getRecipientAgencies()).containsExactly("csc-a", "gp-a");
            assertThat(shared.getConsent().getStatus().name()).isEqualTo("GIVEN");
            assertThat(shared.getPrinciples()).hasSize(6);
            assertThat(shared.getStatements().get(0).getKind().name()).isEqualTo("FACT");
            // what the child said is on the topic sealed under the child's key; the backbone's consumers open it
            assertThat(shared.getChildVoice().getWhatTheChildSaid()).startsWith(SealedColumn.PREFIX);
            sealed.open(shared);
            assertThat(shared.getChildVoice().getWhatTheChildSaid()).isEqualTo("I don't like going home on Fridays");
            assertThat(shared.getAcknowledgeBy()).isNotNull();
            assertThat(shared.getEnvelope().getChildId()).isEqualTo(CHILD);
            assertThat(shared.getEnvelope().getActingAgency()).isEqualTo("school-a");
            assertThat(shared.getEnvelope().getRecordedAt()).isNotNull();
            ShareAcknowledged acknowledged = (ShareAcknowledged) records.get(1).value();
            assertThat(acknowledged.getRecipientAgency()).isEqualTo("gp-a");
            assertThat(shared.getEnvelope().getCorrelationId()).isEqualTo("case-conference-42");
            assertThat(acknowledged.getEnvelope().getCorrelationId()).as("continues the share's conversation")
                    .isEqualTo("case-conference-42");
            assertThat(acknowledged.getEnvelope().getEventId()).isNotEqualTo(shared.getEnvelope().getEventId());
        }
        try (TopicReader<byte[]> raw = TopicReader.raw(Topics.REFERRALS)) {
            byte[] wire = raw.await(r -> CHILD.equals(r.key()), 1, Duration.ofSeconds(30)).get(0).value();
            assertThat(wire[0]).as("Confluent magic byte").isEqualTo((byte) 0);
            assertThat(wire.length).isGreaterThan(5);
        }
    }

    @Test
    void aMisspeltOrUnknownField_isRefusedByName_neverIgnored() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        mvc.perform(share(VALID.replace("\"urgency\": \"ROUTINE\"", "\"urgncy\": \"IMMEDIATE\""))
                        .with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unknown-field"))
                .andExpect(jsonPath("$.errors[0].field").value("urgncy"));
        mvc.perform(share(VALID.replace("\"category\": \"EXPOSURE_TO_HARM\",",
                        "\"category\": \"EXPOSURE_TO_HARM\", \"notes\": \"" + "x".repeat(500_000) + "\","))
                        .with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("notes"));
        mvc.perform(share(VALID.replace("\"urgency\": \"ROUTINE\"",
                        "\"urgency\": \"ROUTINE\", \"urgency\": \"IMMEDIATE\"")).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:malformed-request"))
                .andExpect(jsonPath("$.detail").value(containsString("urgency")));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(before);
    }

    @Test
    void aBodyOverTheSizeLimitIs413_andTooManyItemsIs400_bothNamingTheProblem() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        String statement = "{\"text\": \"%s\", \"kind\": \"FACT\", \"currency\": \"CURRENT\", "
                + "\"source\": \"Register\", \"verification\": \"UNVERIFIED\"}";
        String tenThousand = String.join(", ", Collections.nCopies(10_000,
                statement.formatted("Absent on a day of the spring term, reason not given")));
        mvc.perform(share(withStatements(tenThousand)).with(as("school-a")))
                .andExpect(status().isPayloadTooLarge())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:request-too-large"));
        String hundredAndOne = String.join(", ", Collections.nCopies(101, statement.formatted("Absent")));
        mvc.perform(share(withStatements(hundredAndOne)).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("statements"))
                .andExpect(jsonPath("$.errors[0].message").value("at most 100 statements in one share"));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(before);
    }

    @Test
    void theLargestShareAcceptedIsStoredAndReadBackWhole() throws Exception {
        String statement = "{\"text\": \"%s\", \"kind\": \"OPINION\", \"currency\": \"CURRENT\", "
                + "\"source\": \"Class teacher\", \"verification\": \"UNVERIFIED\"}";
        String text = "The child seemed withdrawn and tired in class. ".repeat(90).substring(0, 4000);
        String hundred = String.join(", ", Collections.nCopies(100, statement.formatted(text)));
        String body = mvc.perform(share(withStatements(hundred)).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String shareId = json.readTree(body).get("shareId").asString();

        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.statements.length()").value(100))
                .andExpect(jsonPath("$.statements[99].text").value(text));
    }

    @Test
    void everyErrorIsAProblemOfTheProjectsKind_404_405_415() throws Exception {
        mvc.perform(get("/api/no-such-thing").with(as("school-a")))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-found"));
        mvc.perform(delete("/api/shares").with(as("school-a")))
                .andExpect(status().isMethodNotAllowed())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:method-not-allowed"));
        mvc.perform(post("/api/shares").contentType(MediaType.TEXT_PLAIN).content("a share").with(as("school-a")))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unsupported-media-type"));
    }

    /** The valid share, with these statements instead of its own. */
    private static String withStatements(String statements) {
        return VALID.replaceFirst("(?s)\"statements\": \\[.*?\\],\n", "\"statements\": [" + statements + "],\n");
    }

    @Test
    void invalidSharesAreRefusedNamingTheField_andNothingIsStoredOrPublished() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);

        expectInvalid(VALID.replace("\"purpose\": \"Concern about repeated unexplained absences and a disclosure in class\",", ""),
                "purpose");
        expectInvalid(VALID.replace("[{\"agency\": \"csc-a\", \"team\": \"Front door team\"}, {\"agency\": \"gp-a\"}]", "[]"), "recipients");
        expectInvalid(VALID.replace(CHILD, "9990000027"), "child.nhsNumber");
        expectInvalid(VALID.replace("\"text\": \"Absent 6 of the last 10 school days\"", "\"text\": \"\""),
                "statements[0].text");
        expectInvalid(VALID.replace("\"gp-a\"", "\"no-such-agency\""), "recipients[1].agency");
        expectInvalid(VALID.replace("\"gp-a\"", "\"school-a\""), "recipients");
        expectInvalid(VALID.replace(CONSENT_GIVEN, """
                {"status": "REFUSED", "reason": "Parent declined", "familyInformed": true}"""),
                "consent.safeguardingJustification");
        expectInvalid(VALID.replace("\"kind\": \"FACT\"", "\"kind\": \"RUMOUR\""), "statements[0].kind");
        expectInvalid(VALID.replace("\"kind\": \"FACT\", ", ""), "statements[0].kind");
        expectInvalid(VALID.replace(", {\"principle\": \"SECURE\", \"attested\": true}", ""), "principles");
        expectInvalid(VALID.replace("{\"whatTheChildSaid\": \"I don't like going home on Fridays\", "
                + "\"circumstances\": \"One-to-one\", \"howDisclosed\": \"Unprompted\"}", "{}"), "childVoice");
        expectInvalid(VALID.replace(", \"howDisclosed\": \"Unprompted\"", ""), "childVoice.howDisclosed");

        mvc.perform(share("{\"child\": {\"nhsNumber\": \"9990000026\"}, \"recipients\": [").with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:malformed-request"));
        mvc.perform(share(VALID.replace("[{\"agency\": \"csc-a\", \"team\": \"Front door team\"}, {\"agency\": \"gp-a\"}]", "\"csc-a\""))
                        .with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("recipients"));

        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(before);
    }

    /** Every required part of a share, removed in turn: refused, the field named, nothing stored. */
    @ParameterizedTest
    @ValueSource(strings = {"sender", "sender.practitioner", "sender.role", "child", "child.nhsNumber", "recipients",
        "recipients[0].agency", "purpose", "lawfulBasis", "category", "consent", "consent.status", "consent.reason",
        "consent.familyInformed", "principles", "principles[0].principle", "principles[0].attested", "statements",
        "statements[0].text", "statements[0].kind", "statements[0].currency", "statements[0].source",
        "statements[0].verification", "childVoice"})
    void eachRequiredFieldIsNamedWhenMissing_andNothingIsStored(String field) throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        tools.jackson.databind.node.ObjectNode body = (tools.jackson.databind.node.ObjectNode) json.readTree(VALID);
        String[] path = field.split("\\.");
        tools.jackson.databind.JsonNode parent = body;
        for (int i = 0; i < path.length - 1; i++) {
            parent = step(parent, path[i]);
        }
        ((tools.jackson.databind.node.ObjectNode) parent).remove(path[path.length - 1]);

        expectInvalid(json.writeValueAsString(body), field);
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(before);
    }

    private static tools.jackson.databind.JsonNode step(tools.jackson.databind.JsonNode node, String name) {
        if (name.endsWith("]")) {
            int index = Integer.parseInt(name.substring(name.indexOf('[') + 1, name.length() - 1));
            return node.get(name.substring(0, name.indexOf('['))).get(index);
        }
        return node.get(name);
    }

    void expectInvalid(String body, String field) throws Exception {
        String response = mvc.perform(share(body).with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(header().string("Content-Type", "application/problem+json"))
                .andReturn().getResponse().getContentAsString();
        JsonNode problem = json.readTree(response);
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("errors").findValuesAsString("field")).as(response).contains(field);
    }

    static boolean concerns(SpecificRecord record, String shareId) {
        return (record instanceof InformationShared s && s.getShareId().equals(shareId))
                || (record instanceof ShareAcknowledged a && a.getShareId().equals(shareId));
    }
}
