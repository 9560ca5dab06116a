package org.safeguarding.backbone.feedback.owed.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
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
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeAnswered;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeEscalated;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeOverdue;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallengeResolved;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackChallenged;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackEscalated;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackGiven;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackOverdue;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.feedback.owed.api.FeedbackCommands.ChallengeFeedback;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.consume.ConsumerRetries;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.RebuildChecks;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.safeguarding.backbone.testsupport.TopicWriter;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
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
    @Autowired Sealing sealing;
    @Autowired MockMvc mvc;
    @Autowired CommandGateway commands;
    @Autowired ConsumerRetries retries;

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

    /**
     * Issue 12: a consumer used to try three times in two seconds and then dead-letter the record and move on, so a
     * database outage of more than two seconds lost the feedback a share opens, silently.
     */
    @Test
    void aShareArrivingWhileTheStoreCannotBeWritten_opensItsFeedbackOnceTheStoreIsBack_andIsNotDeadLettered()
            throws Exception {
        String shareId = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        // for longer than the old retries lasted, the consumer cannot record what it acted on
        jdbc.execute("alter table processed_event rename to processed_event_away");
        try {
            kafka.send(Topics.REFERRALS, CHILD, share(shareId, eventId)).get();
            await().during(Duration.ofSeconds(6)).atMost(Duration.ofSeconds(8)).until(() -> jdbc.queryForObject(
                    "select count(*) from feedback_view where share_id = ?", Integer.class, shareId) == 0);
            assertThat(retries.retrying()).as("the operators can see what is being tried again")
                    .anySatisfy(r -> {
                        assertThat(r.topic()).isEqualTo(Topics.REFERRALS);
                        assertThat(r.attempts()).isGreaterThanOrEqualTo(3);
                    });
        } finally {
            jdbc.execute("alter table processed_event_away rename to processed_event");
        }

        await().atMost(Duration.ofSeconds(90)).untilAsserted(() -> assertThat(jdbc.queryForList(
                "select owed_by from feedback_view where share_id = ? order by owed_by", String.class, shareId))
                .containsExactly("csc-a", "gp-a"));
        assertThat(jdbc.queryForObject("select count(*) from processed_event where event_id = ?", Integer.class,
                eventId)).isEqualTo(1);
        try (TopicReader<byte[]> deadLetters = TopicReader.raw(Topics.REFERRALS + Topics.DEAD_LETTER_SUFFIX)) {
            assertThat(deadLetters.settle(r -> new String(r.value(), StandardCharsets.ISO_8859_1).contains(shareId),
                    Duration.ofSeconds(3))).as("nothing dead-lettered").isEmpty();
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

        RebuildChecks.droppedAndRebuiltAsItWas(mvc, jdbc, sealing, "feedback-view", List.of("feedback_view"));
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

    /** Feedback csc-a owes school-a on a fresh share, given by csc-a ("No further action"). */
    private String givenFeedback(String shareId) throws Exception {
        kafka.send(Topics.REFERRALS, CHILD, share(shareId, UUID.randomUUID().toString())).get();
        String feedbackId = ReferralEventsListener.feedbackId(shareId, "csc-a");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from feedback_view where feedback_id = ?", Integer.class, feedbackId) == 1);
        mvc.perform(post("/api/feedback/{id}", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"actionTaken\": \"Phone call to parent\", \"outcome\": \"No further action\"}")
                        .with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isOk());
        return feedbackId;
    }

    @Test
    void theReferrerChallengesTheFeedback_itClimbsToThePartnership_whichReadsItAndDecides_everyStepOnKafka()
            throws Exception {
        String shareId = UUID.randomUUID().toString();
        String feedbackId = givenFeedback(shareId);

        mvc.perform(post("/api/feedback/{id}/challenges", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasons\": \"No s47 although the child disclosed an injury at home\"}")
                        .header("Idempotency-Key", "challenge-" + feedbackId)
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.challenges[0].challenge").value(1))
                .andExpect(jsonPath("$.challenges[0].status").value("OPEN"))
                .andExpect(jsonPath("$.challenges[0].levelTo").value("PRACTITIONER"))
                .andExpect(jsonPath("$.challenges[0].addressedTo").value("csc-a"))
                .andExpect(jsonPath("$.challenges[0].plainLanguageWarnings[0].term").value("s47"));
        // a retry under the same Idempotency-Key (issue 13) gets the first answer, not a 409 for a second challenge
        mvc.perform(post("/api/feedback/{id}/challenges", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasons\": \"No s47 although the child disclosed an injury at home\"}")
                        .header("Idempotency-Key", "challenge-" + feedbackId)
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(header().string("Idempotent-Replayed", "true"))
                .andExpect(jsonPath("$.challenges.length()").value(1));
        // one open challenge at a time; only the referrer challenges; a challenge says why
        mvc.perform(post("/api/feedback/{id}/challenges", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasons\": \"again\"}").with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.type").value(org.hamcrest.Matchers.endsWith("feedback-challenge-open")));
        mvc.perform(post("/api/feedback/{id}/challenges", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"reasons\": \" \"}").with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("reasons"));
        // the partnership is not told yet: it cannot read the feedback
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("partnership-a", "dev-only-partnership-a")))
                .andExpect(status().isNotFound());

        answer(feedbackId, "csc-a", "The parent explained the injury on the phone");
        escalate(feedbackId, "The child was not seen");
        answer(feedbackId, "csc-a", "Our threshold for a visit was not met");
        escalate(feedbackId, "A disclosure by a child meets the threshold");

        mvc.perform(get("/api/feedback", feedbackId).with(httpBasic("partnership-a", "dev-only-partnership-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.feedbackId == '" + feedbackId + "')].challenges[0].level").value(contains(3)));
        mvc.perform(post("/api/feedback/{id}/challenges/1/resolution", feedbackId)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"resolution\": \"A strategy discussion is to be held within two working days\"}")
                        .with(httpBasic("partnership-a", "dev-only-partnership-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.challenges[0].status").value("RESOLVED"))
                .andExpect(jsonPath("$.challenges[0].level").value(3))
                .andExpect(jsonPath("$.challenges[0].resolvedBy").value("partnership-a"));
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(jsonPath("$.challenges[0].resolution")
                        .value("A strategy discussion is to be held within two working days"));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.FEEDBACK)) {
            List<ConsumerRecord<String, SpecificRecord>> exchange = reader.await(r ->
                    r.value().getClass().getSimpleName().startsWith("FeedbackChallenge")
                            && r.value().get(1).toString().equals(feedbackId), 6, Duration.ofSeconds(60));
            assertThat(exchange).extracting(r -> r.value().getClass().getSimpleName()).containsExactly(
                    "FeedbackChallenged", "FeedbackChallengeAnswered", "FeedbackChallengeEscalated",
                    "FeedbackChallengeAnswered", "FeedbackChallengeEscalated", "FeedbackChallengeResolved");
            assertThat(exchange).allSatisfy(r -> assertThat(r.key()).isEqualTo(CHILD));
            FeedbackChallenged challenged = (FeedbackChallenged) exchange.get(0).value();
            assertThat(challenged.getChallengedBy()).isEqualTo("school-a");
            assertThat(challenged.getEnvelope().getCorrelationId()).as("the share's conversation goes on")
                    .isEqualTo("conversation-" + shareId);
            FeedbackChallengeEscalated toThePartnership = (FeedbackChallengeEscalated) exchange.get(4).value();
            assertThat(toThePartnership.getReason()).isEqualTo("REFERRER_NOT_SATISFIED");
            assertThat(toThePartnership.getAddressedTo()).isEqualTo("partnership-a");
            FeedbackChallengeResolved resolved = (FeedbackChallengeResolved) exchange.get(5).value();
            assertThat(resolved.getLevel()).isEqualTo(3);
            assertThat(((FeedbackChallengeAnswered) exchange.get(3).value()).getLevel()).isEqualTo(2);
        }

        RebuildChecks.droppedAndRebuiltAsItWas(mvc, jdbc, sealing, "feedback-view",
                List.of("feedback_view", "feedback_challenge_view"));
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("partnership-a", "dev-only-partnership-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.challenges[0].status").value("RESOLVED"));
    }

    @Test
    void aChallengeNotAnsweredInTime_isOverdue_andClimbs_byItsStoredDeadline() throws Exception {
        String feedbackId = givenFeedback(UUID.randomUUID().toString());
        // challenged in January: every level's deadline has passed, and the stored deadlines fire one after another
        CorrelatedCommands.sendAndWait(commands, new ChallengeFeedback(feedbackId, "school-a", "The child was not seen",
                Instant.parse("2026-01-05T10:00:00Z")), java.util.Map.of("correlationId", "challenge-" + feedbackId));

        try (TopicReader<SpecificRecord> reader = TopicReader.avro(Topics.FEEDBACK)) {
            List<ConsumerRecord<String, SpecificRecord>> climbed = reader.await(r ->
                    (r.value() instanceof FeedbackChallengeOverdue o && o.getFeedbackId().equals(feedbackId))
                    || (r.value() instanceof FeedbackChallengeEscalated e && e.getFeedbackId().equals(feedbackId)),
                    5, Duration.ofSeconds(90));
            assertThat(climbed).extracting(r -> r.value().getClass().getSimpleName()).containsExactly(
                    "FeedbackChallengeOverdue", "FeedbackChallengeEscalated", "FeedbackChallengeOverdue",
                    "FeedbackChallengeEscalated", "FeedbackChallengeOverdue");
            FeedbackChallengeOverdue first = (FeedbackChallengeOverdue) climbed.get(0).value();
            assertThat(first.getAnswerDueBy()).as("three working days after Monday 5 January")
                    .isEqualTo(LocalDate.parse("2026-01-08"));
            FeedbackChallengeEscalated second = (FeedbackChallengeEscalated) climbed.get(1).value();
            assertThat(second.getReason()).isEqualTo("NOT_ANSWERED_IN_TIME");
            assertThat(second.getEnvelope().getCorrelationId()).as("each step continues the challenge's conversation")
                    .isEqualTo("challenge-" + feedbackId);
        }
        mvc.perform(get("/api/feedback/{id}", feedbackId).with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(jsonPath("$.challenges[0].level").value(3))
                .andExpect(jsonPath("$.challenges[0].addressedTo").value("partnership-a"))
                .andExpect(jsonPath("$.challenges[0].answerOverdue").value(true));
    }

    private void answer(String feedbackId, String agency, String answer) throws Exception {
        mvc.perform(post("/api/feedback/{id}/challenges/1/answers", feedbackId).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"answer\": \"" + answer + "\"}").with(httpBasic(agency, "dev-only-" + agency)))
                .andExpect(status().isOk());
    }

    private void escalate(String feedbackId, String reasons) throws Exception {
        mvc.perform(post("/api/feedback/{id}/challenges/1/escalations", feedbackId)
                        .contentType(MediaType.APPLICATION_JSON).content("{\"reasons\": \"" + reasons + "\"}")
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.challenges[0].escalationReason").value("REFERRER_NOT_SATISFIED"));
    }
}
