package org.safeguarding.backbone.transitions.childkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.ErasureOrders;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
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
import tools.jackson.databind.json.JsonMapper;

/**
 * R18 in the transitions service: a move's reason is stored sealed under the child's key; the chronology's order to
 * erase the child's records reaches its keys, its transfer view and the shares it holds about the child for transfer
 * packages, including one recorded before the erasure that arrives after it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ErasedTransitionsTest {

    private static final String CHILD = "9990001782";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JdbcTemplate jdbc;
    @Autowired JsonMapper json;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired Sealing sealing;

    private void shared(String purpose, Instant recordedAt) throws Exception {
        kafka.send(Topics.REFERRALS, CHILD, InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(CHILD)
                        .setOccurredAt(recordedAt.minusSeconds(60)).setRecordedAt(recordedAt)
                        .setActingAgency("school-a").setCorrelationId("c").build())
                .setShareId(UUID.randomUUID().toString()).setSenderAgency("school-a")
                .setRecipientAgencies(List.of("csc-a")).setPurpose(purpose)
                .setStatements(List.of(Statement.newBuilder().setText("Absent").build())).build()).get();
    }

    /** The held shares' purposes, opened as the view reads them. */
    private List<String> heldPurposes() {
        return jdbc.queryForList("select purpose from held_share where child_id = ? order by shared_at", String.class,
                CHILD).stream().map(this::opened).toList();
    }

    private String opened(String column) {
        return column.startsWith(SealedColumn.PREFIX) ? sealing.open(column.substring(SealedColumn.PREFIX.length()))
                : column;
    }

    /** Every column of this service's views about the child, as the store holds them. */
    private String viewsAsStored() {
        return String.join("\n", jdbc.queryForList("select * from held_share where child_id = ?", CHILD).stream()
                .map(Object::toString).toList()) + String.join("\n", jdbc.queryForList(
                "select * from transfer_view where child_id = ?", CHILD).stream().map(Object::toString).toList());
    }

    @Test
    void aMovesReasonIsSealed_andTheErasureReachesTheTransferViewAndTheSharesHeld() throws Exception {
        shared("Worried about the child's attendance", Instant.now().minusSeconds(3600));
        await().atMost(Duration.ofSeconds(60)).until(() -> heldPurposes().size() == 1);
        String transferId = json.readTree(mvc.perform(post("/api/transfers").contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"child": {"nhsNumber": "%s"}, "fromAgency": "school-a", "toAgency": "school-b",
                                 "reason": "Family moved to another part of the area", "movedOn": "2026-11-23"}
                                """.formatted(CHILD)).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("transferId").asString();
        String stored = String.join("\n", jdbc.queryForList("select payload from domain_event_entry where "
                + "aggregate_identifier = ?", byte[].class, transferId).stream()
                .map(payload -> new String(payload, StandardCharsets.UTF_8)).toList());
        assertThat(stored).contains("\"$sealed\"").doesNotContain("Family moved");
        // and the views (R18): the move's reason, the shares held and the package's items, sealed
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject("select count(*) from transfer_view "
                + "where transfer_id = ? and package_items is not null", Integer.class, transferId) == 1);
        assertThat(viewsAsStored()).contains(SealedColumn.PREFIX, "school-b")
                .doesNotContain("Family moved", "attendance");
        mvc.perform(get("/api/transfers/{id}", transferId).with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value("Family moved to another part of the area"))
                .andExpect(jsonPath("$.transferPackage.items[0].purpose").value("Worried about the child's attendance"));

        Instant erasedAt = Instant.now();
        kafka.send(Topics.CHRONOLOGY, CHILD, ErasureOrders.erasure(CHILD, erasedAt, "retention ended")).get();

        String erased = ErasureOrders.erasedText(erasedAt, "retention ended");
        await().atMost(Duration.ofSeconds(60)).until(() -> erased.equals(heldPurposes().get(0)));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> mvc.perform(get("/api/transfers/{id}",
                        transferId).with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reason").value(erased))
                .andExpect(jsonPath("$.toAgency").value("school-b")));

        // recorded before the erasure, arriving after it: held erased; recorded after it: held as said
        shared("Recorded before the erasure, delivered late", erasedAt.minusSeconds(30));
        shared("Recorded after the erasure", Instant.now().plusSeconds(5));
        await().atMost(Duration.ofSeconds(60)).until(() -> heldPurposes().size() == 3);
        assertThat(heldPurposes()).noneMatch(purpose -> purpose.contains("delivered late"))
                .contains("Recorded after the erasure");
    }
}
