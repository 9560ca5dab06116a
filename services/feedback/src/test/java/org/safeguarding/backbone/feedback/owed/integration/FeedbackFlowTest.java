package org.safeguarding.backbone.feedback.owed.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackEscalated;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackGiven;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackOverdue;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.safeguarding.backbone.testsupport.TopicWriter;
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

/** A share arriving on Kafka opens feedback; redeliveries and undecodable records change nothing. */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: another context in this JVM (the PostgreSQL variant) joins the same
// consumer group, and would otherwise share the partitions with this one
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class FeedbackFlowTest {

    private static final String CHILD = "9990000034";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;

    static InformationShared share(String shareId, String eventId) {
        return share(shareId, eventId, Instant.parse("2026-11-20T09:15:00Z"));
    }

    static InformationShared share(String shareId, String eventId, Instant occurredAt) {
        return InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(eventId).setChildId(CHILD)
                        .setOccurredAt(occurredAt).setRecordedAt(Instant.now())
                        .setActingAgency("school-a").setCorrelationId("conversation-" + shareId).build())
                .setShareId(shareId).setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a", "gp-a"))
                .setPurpose("Concern about repeated unexplained absences")
                .setStatements(List.of(Statement.newBuilder().setText("Absent 6 of the last 10 days").build()))
                .build();
    }

    @Test
    void aShareOpensFeedbackForEachRecipientOnce_evenWhenDeliveredTwice_andAPoisonRecordIsDeadLettered()
            throws Exception {
        String shareId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String poison = "not avro at all " + UUID.randomUUID();
        kafka.send(Topics.REFERRALS, CHILD, share(shareId, eventId)).get();
        try (TopicWriter<byte[]> raw = TopicWriter.rawAs(LocalKafkaBroker.ADMIN)) {
            raw.send(Topics.REFERRALS, CHILD, poison.getBytes(StandardCharsets.UTF_8));
        }
        kafka.send(Topics.REFERRALS, CHILD, share(shareId, eventId)).get();

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select owed_by from feedback_view where share_id = ? order by owed_by", String.class, shareId))
                .containsExactly("csc-a", "gp-a"));
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                eventId)).isEqualTo(1);

        try (TopicReader<byte[]> deadLetters = TopicReader.raw(Topics.REFERRALS + Topics.DEAD_LETTER_SUFFIX)) {
            List<ConsumerRecord<String, byte[]>> deadLettered = deadLetters.await(r ->
                    new String(r.value(), StandardCharsets.UTF_8).equals(poison), 1, Duration.ofSeconds(60));
            assertThat(deadLettered).hasSize(1);
            assertThat(deadLettered.get(0).headers().lastHeader("kafka_dlt-exception-message")).as("the reason").isNotNull();
        }
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.FEEDBACK)) {
            List<ConsumerRecord<String, SpecificRecord>> requested = reader.await(r ->
                    r.value() instanceof FeedbackRequested f && f.getShareId().equals(shareId), 2, Duration.ofSeconds(60));
            assertThat(requested).hasSize(2);
            FeedbackRequested first = (FeedbackRequested) requested.get(0).value();
            assertThat(first.getOwedTo()).isEqualTo("school-a");
            assertThat(first.getDueBy()).as("10 working days after Friday 20 November")
                    .isEqualTo(LocalDate.parse("2026-12-04"));
            assertThat(first.getEnvelope().getCausationId()).isEqualTo(eventId);
            assertThat(first.getEnvelope().getCorrelationId()).isEqualTo("conversation-" + shareId);
        }
    }

    @Test
    void theRecipientGivesFeedback_theReferrerReadsIt_othersCannot() throws Exception {
        String shareId = UUID.randomUUID().toString();
        kafka.send(Topics.REFERRALS, CHILD, share(shareId, UUID.randomUUID().toString())).get();
        String feedbackId = ReferralEventsListener.feedbackId(shareId, "csc-a");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from feedback_view where feedback_id = ?", Integer.class, feedbackId) == 1);

        String body = "{\"actionTaken\": \"Strategy discussion held\", \"outcome\": \"Child and family assessment started\"}";
        mvc.perform(post("/api/feedback/{id}", feedbackId).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.given").value(true));
        mvc.perform(post("/api/feedback/{id}", feedbackId).contentType(MediaType.APPLICATION_JSON).content(body)
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/feedback/{id}", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actionTaken\": \"\"}").with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("actionTaken"));
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("Child and family assessment started"));
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("police-a", "dev-only-police-a")))
                .andExpect(status().isNotFound());

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.FEEDBACK)) {
            List<ConsumerRecord<String, SpecificRecord>> given = reader.await(r ->
                    r.value() instanceof FeedbackGiven f && f.getFeedbackId().equals(feedbackId), 1, Duration.ofSeconds(60));
            assertThat(given).hasSize(1);
            assertThat(given.get(0).key()).isEqualTo(CHILD);
            assertThat(((FeedbackGiven) given.get(0).value()).getGivenTo()).isEqualTo("school-a");
            assertThat(((FeedbackGiven) given.get(0).value()).getEnvelope().getCorrelationId())
                    .as("continues the share's conversation").isEqualTo("conversation-" + shareId);
        }
    }

    @Test
    void feedbackInShorthandIsGivenWithWarnings_toTheReferrerAndOnKafka_andTheViewRebuiltFromTheEventStoreIsAsItWas()
            throws Exception {
        String shareId = UUID.randomUUID().toString();
        kafka.send(Topics.REFERRALS, CHILD, share(shareId, UUID.randomUUID().toString())).get();
        String feedbackId = ReferralEventsListener.feedbackId(shareId, "gp-a");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from feedback_view where share_id = ?", Integer.class, shareId) == 2);
        // R16: the referrer is another agency; what practitioners write to each other is checked for jargon
        mvc.perform(post("/api/feedback/{id}", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actionTaken\": \"s47 enquiry started, CP-IS flag set\", \"outcome\": \"ICPC booked\"}")
                        .with(httpBasic("gp-a", "dev-only-gp-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.actionTaken").value("s47 enquiry started, CP-IS flag set"))
                .andExpect(jsonPath("$.plainLanguageWarnings[*].term").value(contains("s47", "CP-IS", "ICPC")))
                .andExpect(jsonPath("$.plainLanguageWarnings[2].field").value("outcome"))
                .andExpect(jsonPath("$.plainLanguageWarnings[2].suggestion").value("initial child protection conference"));
        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.FEEDBACK)) {
            FeedbackGiven given = (FeedbackGiven) reader.await(r -> r.value() instanceof FeedbackGiven f
                    && f.getFeedbackId().equals(feedbackId), 1, Duration.ofSeconds(60)).get(0).value();
            assertThat(given.getPlainLanguageWarnings()).extracting(w -> w.getTerm())
                    .containsExactly("s47", "CP-IS", "ICPC");
        }

        RebuildChecks.droppedAndRebuiltAsItWas(mvc, jdbc, "feedback-view", List.of("feedback_view"));
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.outcome").value("ICPC booked"))
                .andExpect(jsonPath("$.plainLanguageWarnings[*].term").value(contains("s47", "CP-IS", "ICPC")));
    }

    @Test
    void feedbackNotGivenInTime_isOverdue_thenEscalatedUpTheLadder_eachStepOnKafka_andTheReferrerSeesIt()
            throws Exception {
        // a share made long ago: its feedback was due in January, so every step of the chase is already due
        String shareId = UUID.randomUUID().toString();
        kafka.send(Topics.REFERRALS, CHILD, share(shareId, UUID.randomUUID().toString(),
                Instant.parse("2026-01-05T09:15:00Z"))).get();
        String feedbackId = ReferralEventsListener.feedbackId(shareId, "csc-a");

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.FEEDBACK)) {
            List<ConsumerRecord<String, SpecificRecord>> chased = reader.await(r ->
                    (r.value() instanceof FeedbackOverdue o && o.getFeedbackId().equals(feedbackId))
                    || (r.value() instanceof FeedbackEscalated e && e.getFeedbackId().equals(feedbackId)), 3,
                    Duration.ofSeconds(60));
            assertThat(chased).extracting(r -> r.value().getClass().getSimpleName())
                    .containsExactly("FeedbackOverdue", "FeedbackEscalated", "FeedbackEscalated");
            FeedbackOverdue overdue = (FeedbackOverdue) chased.get(0).value();
            assertThat(overdue.getDueBy()).as("10 working days after Monday 5 January")
                    .isEqualTo(LocalDate.parse("2026-01-19"));
            assertThat(overdue.getEnvelope().getOccurredAt()).isEqualTo(Instant.parse("2026-01-20T00:00:00Z"));
            FeedbackEscalated toTheLead = (FeedbackEscalated) chased.get(1).value();
            assertThat(toTheLead.getLevel()).isEqualTo(1);
            assertThat(toTheLead.getTo()).isEqualTo("DESIGNATED_LEAD");
            assertThat(toTheLead.getEscalatedTo()).isEqualTo("csc-a");
            FeedbackEscalated toThePartnership = (FeedbackEscalated) chased.get(2).value();
            assertThat(toThePartnership.getLevel()).isEqualTo(2);
            assertThat(toThePartnership.getEscalatedTo()).isEqualTo("partnership-a");
            assertThat(toThePartnership.getEnvelope().getCorrelationId()).as("the share's conversation")
                    .isEqualTo("conversation-" + shareId);
        }
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.overdue").value(true))
                .andExpect(jsonPath("$.escalationLevel").value(2))
                .andExpect(jsonPath("$.escalatedTo").value("partnership-a"));
    }
}
