package org.safeguarding.backbone.referrals.share.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.VALID;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.ShareForwarded;
import org.safeguarding.backbone.contracts.transitions.v1.PackageItem;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageSent;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * R12: a transfer package from the transitions service passes each share in it to the agency the child joined, which
 * then reads it and finds it in its inbox; once, however often the package arrives; a share the leaving agency does
 * not hold here is left out.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class TransferPackageForwardTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;
    @Autowired KafkaTemplate<String, SpecificRecord> kafka;

    private static PackageItem item(String shareId, String sharedBy) {
        return PackageItem.newBuilder().setShareId(shareId).setSharedBy(sharedBy).setSharedAt(Instant.now())
                .setPurpose("Concern").setConsentStatus("GIVEN").setLawfulBasis("Children Act 1989 s.17").build();
    }

    @Test
    void eachShareInThePackageReachesTheJoiningSchool_onceAndReadable_andOneNotHeldIsLeftOut() throws Exception {
        // school-a shared with csc-a and gp-a (ShareApiTest.VALID); the child then moves from school-a to school-b
        String shareId = json.readTree(mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(VALID).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();
        String child = json.readTree(mvc.perform(get("/api/shares/{id}", shareId).with(as("school-a")))
                .andReturn().getResponse().getContentAsString()).get("childId").asString();
        mvc.perform(get("/api/shares/{id}", shareId).with(as("school-b"))).andExpect(status().isNotFound());

        String transferId = UUID.randomUUID().toString();
        TransferPackageSent sent = TransferPackageSent.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                        .setOccurredAt(Instant.now()).setRecordedAt(Instant.now()).setActingAgency("school-a")
                        .setCorrelationId("moved-" + transferId).build())
                .setTransferId(transferId).setFromAgency("school-a").setToAgency("school-b")
                .setItems(List.of(item(shareId, "school-a"), item(UUID.randomUUID().toString(), "school-a")))
                .setAcknowledgeBy(Instant.now().plus(Duration.ofDays(7))).build();
        kafka.send(Topics.TRANSITIONS, child, sent).get();
        kafka.send(Topics.TRANSITIONS, child, sent).get();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                mvc.perform(get("/api/shares/{id}", shareId).with(as("school-b")))
                        .andExpect(status().isOk())
                        .andExpect(jsonPath("$.recipients[2].agency").value("school-b"))
                        .andExpect(jsonPath("$.recipients[2].forwardedBy").value("school-a"))
                        .andExpect(jsonPath("$.recipients[2].transferId").value(transferId))
                        .andExpect(jsonPath("$.consent.status").value("GIVEN")));
        mvc.perform(get("/api/inbox/shares").with(as("school-b")))
                .andExpect(jsonPath("$.items[*].shareId").value(hasItem(shareId)));
        mvc.perform(post("/api/shares/{id}/acknowledgements", shareId).with(as("school-b")))
                .andExpect(status().isOk());

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.REFERRALS)) {
            List<ShareForwarded> forwarded = reader.await(r -> r.value() instanceof ShareForwarded f
                    && f.getTransferId().equals(transferId), 1, Duration.ofSeconds(60)).stream()
                    .map(r -> (ShareForwarded) r.value()).toList();
            assertThat(forwarded).hasSize(1);
            assertThat(forwarded.get(0).getShareId()).isEqualTo(shareId);
            assertThat(forwarded.get(0).getSenderAgency()).isEqualTo("school-a");
            assertThat(forwarded.get(0).getEnvelope().getCausationId()).isEqualTo(sent.getEnvelope().getEventId());
            // the same package again passed nothing on again: a second forward is looked for, and not found
            assertThat(reader.await(r -> r.value() instanceof ShareForwarded f
                    && f.getTransferId().equals(transferId), 2, Duration.ofSeconds(5))).hasSize(1);
        }
    }
}
