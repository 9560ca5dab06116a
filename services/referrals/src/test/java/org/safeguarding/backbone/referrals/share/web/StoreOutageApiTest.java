package org.safeguarding.backbone.referrals.share.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
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
 * Issue 12: when the store cannot take a change (busy, or unreachable), the caller is told to try again (503, a
 * problem, {@code Retry-After}), nothing is recorded, and the same request succeeds once the store is back; a view
 * kept with the events never lets the events be stored without it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class StoreOutageApiTest {

    private static final String CHILD = "9990001677";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired DataSource dataSource;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventProcessingConfiguration processing;

    @Test
    void aChangeTheStoreCannotTakeJustNow_is503_recordsNothing_andSucceedsWhenSentAgain() throws Exception {
        String body = mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace(ShareApiTest.CHILD, CHILD)).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        String shareId = json.readTree(body).get("shareId").asString();
        int eventsBefore = storedEvents(shareId);

        // another transaction holds the share's view rows, longer than the store waits for a lock
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            lockRows(holder, "select * from share_view where share_id = ? for update", shareId);
            lockRows(holder, "select * from share_view_recipient where share_id = ? for update", shareId);

            mvc.perform(post("/api/shares/{id}/read", shareId).with(as("csc-a")))
                    .andExpect(status().isServiceUnavailable())
                    .andExpect(header().string("Retry-After", "5"))
                    .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:service-unavailable"))
                    .andExpect(jsonPath("$.incident").exists());
            holder.rollback();
        }
        assertThat(storedEvents(shareId)).as("nothing recorded").isEqualTo(eventsBefore);

        mvc.perform(post("/api/shares/{id}/read", shareId).with(as("csc-a"))).andExpect(status().isOk());
        assertThat(storedEvents(shareId)).as("recorded once sent again").isGreaterThan(eventsBefore);
        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.recipients[?(@.agency == 'csc-a')].readAt").isNotEmpty());
    }

    @Test
    void everyViewFailsTheCallWhenItsHandlerFails_insteadOfLoggingAndFallingBehind() {
        assertThat(processing.eventProcessors()).isNotEmpty();
        for (String group : processing.eventProcessors().keySet()) {
            assertThat(processing.listenerInvocationErrorHandler(group)).as(group)
                    .isInstanceOf(PropagatingErrorHandler.class);
        }
    }

    private int storedEvents(String shareId) {
        return jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Integer.class, shareId);
    }

    private static void lockRows(Connection connection, String sql, String shareId) throws Exception {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setString(1, shareId);
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as(sql).isTrue();
            }
        }
    }
}
