package org.safeguarding.backbone.referrals.share.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

/**
 * Issue 13 part 4: worklists. A recipient's inbox is ordered by what is most pressing (not yet acknowledged, by its
 * deadline, the overdue first, then urgency); a sender sees its shares with each recipient's status, those waiting on
 * it first, and the questions waiting for its answer. Each agency sees only its own.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class WorklistApiTest {

    private static final String CHILD = "9990001618";
    private static final String OTHER_CHILD = "9990001626";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    private String share(String child, String urgency, String channel, Instant occurredAt) throws Exception {
        String body = VALID.replace(ShareApiTest.CHILD, child)
                .replace("\"urgency\": \"ROUTINE\", \"channel\": \"WRITTEN\"", "\"urgency\": \"" + urgency
                        + "\", \"channel\": \"" + channel + "\""
                        + (occurredAt == null ? "" : ", \"occurredAt\": \"" + occurredAt + "\""));
        return json.readTree(mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();
    }

    @Test
    void theInboxLeadsWithWhatIsOverdue_thenByDeadlineAndUrgency_thenWhatIsDoneNewestFirst() throws Exception {
        String routine = share(CHILD, "ROUTINE", "WRITTEN", null);
        String acknowledgedImmediate = share(CHILD, "IMMEDIATE", "WRITTEN", null);
        String urgent = share(CHILD, "URGENT", "WRITTEN", null);
        String overdue = share(CHILD, "IMMEDIATE", "WRITTEN", Instant.now().minus(2, ChronoUnit.DAYS));
        String immediate = share(CHILD, "IMMEDIATE", "WRITTEN", null);
        mvc.perform(post("/api/shares/{id}/acknowledgements", acknowledgedImmediate).with(as("csc-a")))
                .andExpect(status().isOk());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get("/api/shares/{id}", overdue).with(as("csc-a")))
                        .andExpect(jsonPath("$.acknowledgementOverdue").value(true)));

        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).with(as("csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.items[*].shareId").value(contains(overdue, immediate, urgent, routine,
                        acknowledgedImmediate)))
                .andExpect(jsonPath("$.items[0].acknowledgementOverdue").value(true))
                .andExpect(jsonPath("$.items[0].recordedAt").exists());
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).param("overdue", "true").with(as("csc-a")))
                .andExpect(jsonPath("$.items[*].shareId").value(contains(overdue)));
        // due within the next two hours: the overdue one and the immediate one, not what is acknowledged
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD)
                        .param("dueBefore", Instant.now().plus(2, ChronoUnit.HOURS).toString()).with(as("csc-a")))
                .andExpect(jsonPath("$.items[*].shareId").value(contains(overdue, immediate)));
        mvc.perform(get("/api/inbox/shares").param("childId", CHILD).param("size", "2").param("page", "1")
                        .with(as("csc-a")))
                .andExpect(jsonPath("$.items[*].shareId").value(contains(urgent, routine)));
        mvc.perform(get("/api/inbox/shares").param("dueBefore", "tomorrow").with(as("csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("dueBefore"));
    }

    @Test
    void aSenderSeesItsSharesWithEachRecipientsStatus_whatWaitsOnItFirst_andTheQuestionsToAnswer() throws Exception {
        String quiet = share(OTHER_CHILD, "ROUTINE", "WRITTEN", null);
        String asked = share(OTHER_CHILD, "ROUTINE", "WRITTEN", null);
        String phoned = share(OTHER_CHILD, "URGENT", "PHONE", null);
        String answered = share(OTHER_CHILD, "ROUTINE", "WRITTEN", null);
        String newest = share(OTHER_CHILD, "ROUTINE", "WRITTEN", null);
        mvc.perform(post("/api/shares/{id}/read", quiet).with(as("csc-a"))).andExpect(status().isOk());
        for (String[] question : new String[][] {{asked, "q-when", "csc-a", "Since when?"},
                {asked, "q-who", "gp-a", "Who collects the child?"}, {answered, "q-done", "csc-a", "Which class?"}}) {
            mvc.perform(post("/api/shares/{id}/clarifications", question[0]).contentType(MediaType.APPLICATION_JSON)
                            .content("{\"question\": \"" + question[3] + "\", \"questionId\": \"" + question[1] + "\"}")
                            .with(as(question[2])))
                    .andExpect(status().isCreated());
        }
        mvc.perform(post("/api/shares/{id}/clarifications/q-done/answer", answered)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"answer\": \"Year 4\"}")
                        .with(as("school-a")))
                .andExpect(status().isOk());

        mvc.perform(get("/api/outbox/shares").param("childId", OTHER_CHILD).with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(5))
                .andExpect(jsonPath("$.items[*].shareId").value(contains(phoned, asked, newest, answered, quiet)))
                .andExpect(jsonPath("$.items[0].waitingOnSender").value(true))
                .andExpect(jsonPath("$.items[0].writtenFollowUpBy").exists())
                .andExpect(jsonPath("$.items[1].openQuestions").value(2))
                .andExpect(jsonPath("$.items[1].recipients[*].status").value(contains("CLARIFICATION_PENDING",
                        "CLARIFICATION_PENDING")))
                .andExpect(jsonPath("$.items[3].openQuestions").value(0))
                .andExpect(jsonPath("$.items[4].recipients[0].agency").value("csc-a"))
                .andExpect(jsonPath("$.items[4].recipients[0].status").value("READ"))
                .andExpect(jsonPath("$.items[4].recipients[1].status").value("NEW"))
                .andExpect(jsonPath("$.items[4].recipients[1].acknowledgeBy").exists());
        mvc.perform(get("/api/outbox/shares").param("childId", OTHER_CHILD).param("waitingOnMe", "true")
                        .with(as("school-a")))
                .andExpect(jsonPath("$.items[*].shareId").value(contains(phoned, asked)));
        mvc.perform(get("/api/outbox/shares").param("childId", OTHER_CHILD).param("status", "READ")
                        .with(as("school-a")))
                .andExpect(jsonPath("$.items[*].shareId").value(contains(quiet)));
        mvc.perform(get("/api/outbox/questions").param("childId", OTHER_CHILD).with(as("school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.totalItems").value(2))
                .andExpect(jsonPath("$.items[*].questionId").value(contains("q-when", "q-who")))
                .andExpect(jsonPath("$.items[0].shareId").value(asked))
                .andExpect(jsonPath("$.items[0].askedBy").value("csc-a"))
                .andExpect(jsonPath("$.items[1].question").value("Who collects the child?"))
                .andExpect(jsonPath("$.items[1].askedAt").exists());

        // nobody else's: a recipient's outbox and questions hold none of these
        mvc.perform(get("/api/outbox/shares").param("childId", OTHER_CHILD).with(as("csc-a")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/outbox/questions").param("childId", OTHER_CHILD).with(as("csc-a")))
                .andExpect(jsonPath("$.totalItems").value(0));
        mvc.perform(get("/api/outbox/shares").param("status", "LOST").with(as("school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("status"));
    }
}
