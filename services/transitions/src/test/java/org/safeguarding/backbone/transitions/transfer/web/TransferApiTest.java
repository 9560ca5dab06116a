package org.safeguarding.backbone.transitions.transfer.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
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

@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class TransferApiTest {

    private static final String MOVE = """
            {"child": {"nhsNumber": "9990000042"}, "fromAgency": "school-a", "toAgency": "school-b",
             "reason": "Family moved to another part of the area", "movedOn": "2026-11-23"}
            """;

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;

    @Test
    void aMoveIsRecorded_readableByBothAgencies_andPublished() throws Exception {
        String body = mvc.perform(post("/api/transfers").contentType(MediaType.APPLICATION_JSON).content(MOVE)
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        String transferId = json.readTree(body).get("transferId").asString();

        mvc.perform(get("/api/transfers/{id}", transferId).with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.toAgency").value("school-b"));
        mvc.perform(get("/api/transfers/{id}", transferId).with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isNotFound());

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.TRANSITIONS)) {
            List<ConsumerRecord<String, SpecificRecord>> moved = reader.await(r ->
                    r.value() instanceof ChildTransferred t && t.getTransferId().equals(transferId), 1,
                    Duration.ofSeconds(60));
            assertThat(moved).hasSize(1);
            assertThat(moved.get(0).key()).isEqualTo("9990000042");
            assertThat(((ChildTransferred) moved.get(0).value()).getMovedOn()).isEqualTo(LocalDate.parse("2026-11-23"));
        }
    }

    @Test
    void badMovesAreRefusedNamingTheField_andNothingIsStored() throws Exception {
        Integer before = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        expect(MOVE.replace("9990000042", "9990000043"), "school-a", 400, "child.nhsNumber");
        expect(MOVE.replace("\"school-b\"", "\"nowhere\""), "school-a", 400, "toAgency");
        expect(MOVE.replace("\"school-b\"", "\"school-a\""), "school-a", 400, "toAgency");
        expect(MOVE.replace("\"2026-11-23\"", "\"23/11/2026\""), "school-a", 400, "movedOn");
        mvc.perform(post("/api/transfers").contentType(MediaType.APPLICATION_JSON).content(MOVE)
                        .with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-party-to-transfer"));
        assertThat(jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class)).isEqualTo(before);
    }

    private void expect(String body, String agency, int status, String field) throws Exception {
        mvc.perform(post("/api/transfers").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(httpBasic(agency, "dev-only-" + agency)))
                .andExpect(status().is(status))
                .andExpect(jsonPath("$.errors[0].field").value(field));
    }
}
