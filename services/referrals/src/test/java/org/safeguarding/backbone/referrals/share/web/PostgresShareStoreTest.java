package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.PostgresDatabase;
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

/** The production store: the event store and the share view in PostgreSQL, created by the migrations. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test", "postgres"})
class PostgresShareStoreTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        PostgresDatabase.freshSchema("referrals", properties);
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventStore eventStore;
    @Autowired JsonMapper json;

    @Test
    void sharesAreEventSourcedInPostgres_withBinaryColumnsAsBytea() throws Exception {
        String body = mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(ShareApiTest.VALID).with(ShareApiTest.as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String shareId = json.readTree(body).get("shareId").asString();
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(ShareApiTest.as("csc-a")))
                .andExpect(status().isOk());
        mvc.perform(get("/api/shares/{id}", shareId).with(ShareApiTest.as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[0].acknowledged").value(true));

        assertThat(eventStore.readEvents(shareId).asStream().map(m -> m.getPayload().getClass().getSimpleName()).toList())
                .containsExactly("InformationShared", "ShareAcknowledged");
        assertThat(jdbc.queryForObject("select current_setting('server_version_num')::int", Integer.class))
                .as("really PostgreSQL").isGreaterThan(100000);
        List<Map<String, Object>> binaryColumns = jdbc.queryForList("""
                select table_name, column_name, data_type from information_schema.columns
                where table_schema = current_schema() and column_name in ('payload', 'meta_data', 'token')
                """);
        assertThat(binaryColumns).isNotEmpty()
                .allSatisfy(column -> assertThat(column.get("data_type")).as(column.toString()).isEqualTo("bytea"));
    }
}
