package org.safeguarding.backbone.referrals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.messaging.chain.EventChain;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.LinkedCaseInsensitiveMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12, part 7: the referrals service's stored events are chained as they are stored, and a check finds the first
 * broken link after each way of tampering with the store: an event's bytes changed, its links made again to match
 * (then the signed checkpoint disagrees), an event removed, an event added without the service, a checkpoint
 * altered. Operators only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// each test tampers with the store and puts it back; a failed one would leave it tampered for the next class
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class EventChainTest {

    private static final String CHILD = "9990001693";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired JdbcTemplate jdbc;
    @Autowired EventChain chain;
    @Autowired PlatformTransactionManager transactions;

    private String shareId;

    private static RequestPostProcessor operator() {
        return httpBasic("operator", "dev-only-operator");
    }

    /** A share with a second event in its aggregate (read by the recipient), and a checkpoint signed after it. */
    @BeforeEach
    void aShareReadByItsRecipient_andACheckpoint() throws Exception {
        shareId = json.readTree(mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID.replace(ShareApiTest.CHILD, CHILD)).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();
        mvc.perform(post("/api/shares/{id}/read", shareId).with(as("csc-a"))).andExpect(status().isOk());
        mvc.perform(post("/operator/event-chain/checkpoints").with(operator())).andExpect(status().isCreated())
                .andExpect(jsonPath("$.heads").isNumber());
        assertThat(check().get("intact").asBoolean()).as("the store before any tampering").isTrue();
    }

    private JsonNode check() throws Exception {
        return json.readTree(mvc.perform(get("/operator/event-chain").with(operator()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    private List<Map<String, Object>> eventsOfTheShare() {
        return jdbc.queryForList("select global_index, sequence_number, payload from domain_event_entry where "
                + "aggregate_identifier = ? order by sequence_number", shareId);
    }

    /** Changes the sender named in {@code event}'s stored payload, in the database; returns the payload as it was. */
    private byte[] senderChangedIn(Map<String, Object> event) {
        byte[] payload = (byte[]) event.get("payload");
        byte[] changed = new String(payload, StandardCharsets.UTF_8).replace("school-a", "school-b")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(changed).isNotEqualTo(payload);
        jdbc.update("update domain_event_entry set payload = ? where global_index = ?", changed,
                event.get("global_index"));
        return payload;
    }

    /** What someone with write access to the database but not the signing key could do: make the links again. */
    private void relinkTheShare() {
        relink(shareId);
    }

    private void relink(String aggregate) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            jdbc.update("delete from event_chain where aggregate_identifier = ?", aggregate);
            chain.link(List.of(aggregate));
        });
    }

    @Test
    void everyEventStored_isChained_andTheCheckCountsThemAll_signingOnlyWhenSomethingChanged() throws Exception {
        JsonNode report = check();
        Integer stored = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        assertThat(report.get("events").asLong()).isEqualTo(stored.longValue()).isGreaterThanOrEqualTo(2);
        assertThat(report.get("broken").asLong()).isZero();
        assertThat(report.get("firstBroken").isNull()).isTrue();
        assertThat(report.get("checkpoints").asLong()).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from event_chain", Integer.class)).isEqualTo(stored);
        // nothing stored since the checkpoint of @BeforeEach: nothing to sign
        mvc.perform(post("/operator/event-chain/checkpoints").with(operator())).andExpect(status().isNoContent());
        // agencies may not call it
        mvc.perform(get("/operator/event-chain").with(as("csc-a"))).andExpect(status().isForbidden());
    }

    @Test
    void anEventWhoseStoredBytesWereChanged_isTheFirstBrokenLink() throws Exception {
        Map<String, Object> first = eventsOfTheShare().get(0);
        byte[] payload = senderChangedIn(first);
        try {
            JsonNode report = check();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("broken").asLong()).as("one change breaks one link").isEqualTo(1);
            assertThat(report.get("firstBroken").get("globalIndex").asLong())
                    .isEqualTo(((Number) first.get("global_index")).longValue());
            assertThat(report.get("firstBroken").get("aggregateId").asString()).isEqualTo(shareId);
            assertThat(report.get("firstBroken").get("problem").asString()).contains("stored form");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", payload,
                    first.get("global_index"));
        }
        assertThat(check().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventChangedWithItsLinksMadeAgain_isCaughtByTheSignedCheckpoint() throws Exception {
        Map<String, Object> first = eventsOfTheShare().get(0);
        byte[] payload = senderChangedIn(first);
        relinkTheShare();
        try {
            JsonNode report = check();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstBroken").get("aggregateId").asString()).isEqualTo(shareId);
            assertThat(report.get("firstBroken").get("problem").asString()).contains("signed in checkpoint");
        } finally {
            jdbc.update("update domain_event_entry set payload = ? where global_index = ?", payload,
                    first.get("global_index"));
            relinkTheShare();
        }
        assertThat(check().get("intact").asBoolean()).isTrue();
    }

    @Test
    void anEventRemoved_orAddedWithoutTheService_isFound() throws Exception {
        Map<String, Object> first = eventsOfTheShare().get(0);
        Map<String, Object> row = jdbc.queryForMap("select * from domain_event_entry where global_index = ?",
                first.get("global_index"));
        jdbc.update("delete from domain_event_entry where global_index = ?", first.get("global_index"));
        try {
            JsonNode report = check();
            // the event after it in its aggregate has a hole before it, and the removed event's link is left alone
            assertThat(report.get("broken").asLong()).isEqualTo(2);
            assertThat(report.get("firstBroken").get("globalIndex").asLong())
                    .isEqualTo(((Number) first.get("global_index")).longValue());
            assertThat(report.get("firstBroken").get("problem").asString()).contains("removed");
        } finally {
            insert(row);
        }
        assertThat(check().get("intact").asBoolean()).isTrue();

        long added = jdbc.queryForObject("select max(global_index) from domain_event_entry", Long.class) + 1000;
        Map<String, Object> forged = new LinkedCaseInsensitiveMap<>();
        forged.putAll(row);
        forged.put("global_index", added);
        forged.put("event_identifier", "forged-" + added);
        forged.put("sequence_number", eventsOfTheShare().size());
        insert(forged);
        try {
            JsonNode report = check();
            assertThat(report.get("broken").asLong()).isEqualTo(1);
            assertThat(report.get("firstBroken").get("globalIndex").asLong()).isEqualTo(added);
            assertThat(report.get("firstBroken").get("problem").asString()).contains("has no link");
        } finally {
            jdbc.update("delete from domain_event_entry where global_index = ?", added);
        }
        assertThat(check().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aStoreKeptFromBeforeTheChain_isChainedOnce_andNeverAgain() throws Exception {
        Integer stored = jdbc.queryForObject("select count(*) from domain_event_entry", Integer.class);
        jdbc.update("delete from event_chain_checkpoint_head");
        jdbc.update("delete from event_chain_checkpoint");
        jdbc.update("delete from event_chain");
        assertThat(check().get("broken").asLong()).as("nothing linked").isEqualTo(stored.longValue());

        assertThat(chain.chainWhatWasStoredBefore()).isEqualTo(stored.longValue());
        assertThat(check().get("intact").asBoolean()).isTrue();
        // once chained, an event without a link is never linked by it: it is what the check reports
        String aggregate = jdbc.queryForObject("select aggregate_identifier from event_chain where global_index = "
                + "(select max(global_index) from event_chain)", String.class);
        jdbc.update("delete from event_chain where global_index = (select max(global_index) from event_chain)");
        assertThat(chain.chainWhatWasStoredBefore()).isZero();
        assertThat(check().get("broken").asLong()).isEqualTo(1);
        relink(aggregate);
        assertThat(check().get("intact").asBoolean()).isTrue();
    }

    @Test
    void aCheckpointAltered_isReported() throws Exception {
        Map<String, Object> last = jdbc.queryForMap("select id, digest from event_chain_checkpoint order by id desc "
                + "fetch first 1 rows only");
        jdbc.update("update event_chain_checkpoint set digest = ? where id = ?", "0".repeat(64), last.get("id"));
        try {
            JsonNode report = check();
            assertThat(report.get("intact").asBoolean()).isFalse();
            assertThat(report.get("firstBroken").get("problem").asString())
                    .contains("checkpoint " + last.get("id") + " is not signed");
        } finally {
            jdbc.update("update event_chain_checkpoint set digest = ? where id = ?", last.get("digest"),
                    last.get("id"));
        }
        assertThat(check().get("intact").asBoolean()).isTrue();
    }

    private void insert(Map<String, Object> row) {
        List<String> columns = List.copyOf(row.keySet());
        jdbc.update("insert into domain_event_entry (" + String.join(", ", columns) + ") values ("
                + String.join(", ", Collections.nCopies(columns.size(), "?")) + ")",
                columns.stream().map(row::get).toArray());
    }
}
