package org.safeguarding.backbone.referrals.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.safeguarding.backbone.referrals.share.web.ShareApiTest.as;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.access.v1.ChildDataRead;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/** Every read of a child's data is on the record before it is answered (R10), and so is a refused attempt. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class ReadsOnTheRecordTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired JsonMapper json;

    @Test
    void readingAShare_andBeingRefusedIt_areBothRecorded_asIsEachShareInAnInbox() throws Exception {
        String shareId = json.readTree(mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(ShareApiTest.VALID).with(as("school-a")))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString())
                .get("shareId").asString();

        mvc.perform(get("/api/shares/{id}", shareId).with(as("csc-a"))).andExpect(status().isOk());
        mvc.perform(get("/api/shares/{id}", shareId).with(as("police-a"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/inbox/shares").with(as("gp-a"))).andExpect(status().isOk());

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.ACCESS)) {
            List<ConsumerRecord<String, SpecificRecord>> reads = reader.await(r -> r.value() instanceof ChildDataRead
                    read && read.getResource().equals("share:" + shareId), 3, Duration.ofSeconds(60));
            assertThat(reads).extracting(r -> (ChildDataRead) r.value())
                    .extracting(read -> read.getEnvelope().getActingAgency() + ":" + read.getGranted())
                    .containsExactlyInAnyOrder("csc-a:true", "police-a:false", "gp-a:true");
            assertThat(reads).allSatisfy(r -> {
                assertThat(r.key()).isEqualTo(ShareApiTest.CHILD);
                assertThat(((ChildDataRead) r.value()).getService()).isEqualTo("referrals");
            });
        }
    }
}
