package org.safeguarding.backbone.referrals.share.web;

import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** A recipient's inbox: its shares with status and deadlines, filtered and paged; nobody else's. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class InboxApiTest {

    /** This test's own child, so shares other tests make in the same context do not count. */
    private static final String CHILD = "9990000107";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private String share() throws Exception {
        String body = mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace(ShareApiTest.CHILD, CHILD)).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("shareId").asString();
    }

    @Test
    void aRecipientSeesItsSharesWithStatusAndDeadlines_filteredAndPaged() throws Exception {
        String untouched = share();
        String read = share();
        String questioned = share();
        mvc.perform(post("/api/shares/{id}/read", read).with(as("csc-a"))).andExpect(status().isOk());
        mvc.perform(post("/api/shares/{id}/clarifications", questioned).contentType(MediaType.APPLICATION_JSON)
                .content("{\"question\": \"Since when?\"}").with(as("csc-a"))).andExpect(status().isCreated());

        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(3))
                // not yet acknowledged, the earliest due first; then the one it has read
                .andExpect(jsonPath("$.items[0].shareId").value(untouched))
                .andExpect(jsonPath("$.items[0].status").value("NEW"))
                .andExpect(jsonPath("$.items[0].acknowledgeBy").exists())
                .andExpect(jsonPath("$.items[0].urgency").value("ROUTINE"))
                .andExpect(jsonPath("$.items[1].shareId").value(questioned))
                .andExpect(jsonPath("$.items[1].status").value("CLARIFICATION_PENDING"))
                .andExpect(jsonPath("$.items[2].shareId").value(read));
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).param("status", "READ").with(as("csc-a")))
                .andExpect(jsonPath("$.totalItems").value(1))
                .andExpect(jsonPath("$.items[0].shareId").value(read));
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).param("size", "2").param("page", "1")
                        .with(as("csc-a")))
                .andExpect(jsonPath("$.items.length()").value(1))
                .andExpect(jsonPath("$.items[0].shareId").value(read))
                .andExpect(jsonPath("$.totalPages").value(2));
        // the other recipient is where it was: nothing has happened on its side
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).param("status", "NEW").with(as("gp-a")))
                .andExpect(jsonPath("$.totalItems").value(3));
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).with(as("police-a")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).with(as("school-a")))
                .andExpect(jsonPath("$.totalItems").value(0));
    }

    @Test
    void badFiltersAreRefusedNamingTheParameter() throws Exception {
        mvc.perform(get("/api/inbox/shares").param("status", "LOST").with(as("csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
        mvc.perform(get("/api/inbox/shares").param("size", "1000").with(as("csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("size"));
        mvc.perform(get("/api/inbox/shares").param("childId", "123").with(as("csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("childId"));
    }
}
