package org.safeguarding.backbone.chronology.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.jwt;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.chronology.v1.LeadAgenciesChanged;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.patterns.v1.PatternDetected;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRead;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.contracts.referrals.v1.UnderstandingConfirmed;
import org.safeguarding.backbone.contracts.transitions.v1.ChildTransferred;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.SyntheticNhsNumbers;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

// deadlines passing are looked at every second here (every few minutes in service)
@SpringBootTest(properties = "backbone.patterns.sweep-every=PT1S")
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
// its Kafka listeners must stop with the class: another context in this JVM (the PostgreSQL variant) joins the same
// consumer group, and would otherwise share the partitions with this one
@DirtiesContext(classMode = DirtiesContext.ClassMode.AFTER_CLASS)
class ChronologyTest {

    private static final String CHILD = "9990001200";
    private static final Instant T0 = Instant.parse("2026-11-20T09:00:00Z");

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired KafkaTemplate<String, SpecificRecord> kafka;
    @Autowired JdbcTemplate jdbc;
    @Autowired MockMvc mvc;
    @Autowired SealedRecords sealed;
    @Autowired KafkaListenerEndpointRegistry listeners;

    static Envelope envelope(String agency, Instant occurredAt) {
        return envelope(CHILD, agency, occurredAt);
    }

    static Envelope envelope(String child, String agency, Instant occurredAt) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                .setOccurredAt(occurredAt).setRecordedAt(occurredAt.plusSeconds(1)).setActingAgency(agency)
                .setCorrelationId("conversation-1").build();
    }

    static InformationShared share(String child, String shareId, String sender, List<String> recipients,
                                   Instant at) {
        return InformationShared.newBuilder().setEnvelope(envelope(child, sender, at))
                .setShareId(shareId).setSenderAgency(sender).setRecipientAgencies(recipients)
                .setPurpose("Concern about a disclosure in class")
                .setStatements(List.of(Statement.newBuilder().setText("The child said ...").build())).build();
    }

    static ChildTransferred transfer(String child, String transferId, String from, String to, Instant at) {
        return ChildTransferred.newBuilder().setEnvelope(envelope(child, from, at)).setTransferId(transferId)
                .setFromAgency(from).setToAgency(to).setReason("Family moved")
                .setMovedOn(LocalDate.parse("2026-11-23")).build();
    }

    private ResultActions read(String child, String agency) throws Exception {
        return mvc.perform(get("/api/children/{id}/chronology", child)
                .with(httpBasic(agency, "dev-only-" + agency)));
    }

    private void awaitEntries(String child, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from chronology_entry where child_id = ?", Integer.class, child) == count);
    }

    @Test
    void everyTopicFeedsTheChronology_inOrder_once_eachAgencyReadingWhatItNeedsToKnow() throws Exception {
        InformationShared shared = share(CHILD, "share-0001", "school-a", List.of("csc-a"), T0);
        // sent out of order, and the share twice: the chronology orders by when things happened, and dedups
        kafka.send(Topics.TRANSITIONS, CHILD, transfer(CHILD, "t-1", "school-a", "school-b", T0.plusSeconds(7200)))
                .get();
        kafka.send(Topics.REFERRALS, CHILD, shared).get();
        kafka.send(Topics.REFERRALS, CHILD, ShareAcknowledged.newBuilder()
                .setEnvelope(envelope("csc-a", T0.plusSeconds(600))).setShareId("share-0001")
                .setRecipientAgency("csc-a").build()).get();
        kafka.send(Topics.FEEDBACK, CHILD, FeedbackRequested.newBuilder()
                .setEnvelope(envelope("school-a", T0.plusSeconds(60))).setFeedbackId("fb-1").setShareId("share-0001")
                // due far ahead: feedback overdue is a pattern, which would add an entry once the day had passed
                .setOwedBy("csc-a").setOwedTo("school-a").setDueBy(LocalDate.parse("2099-11-30")).build()).get();
        kafka.send(Topics.REFERRALS, CHILD, shared).get();
        kafka.send(Topics.REFERRALS, CHILD,
                share(CHILD, "share-0002", "gp-a", List.of("csc-a"), T0.plusSeconds(3600))).get();
        awaitEntries(CHILD, 5);

        // the lead agency (children's social care of the child's area, involved) reads every act
        read(CHILD, "csc-a").andExpect(status().isOk())
                .andExpect(jsonPath("$.readAs").value("LEAD_AGENCY"))
                .andExpect(jsonPath("$.childArea").value("area-a"))
                .andExpect(jsonPath("$.leadAgencies[0]").value("csc-a"))
                .andExpect(jsonPath("$.entries.length()").value(5))
                .andExpect(jsonPath("$.entries[0].eventType").value("InformationShared"))
                .andExpect(jsonPath("$.entries[0].agency").value("school-a"))
                .andExpect(jsonPath("$.entries[0].summary").value(
                        "school-a shared information with csc-a. Purpose: Concern about a disclosure in class"))
                .andExpect(jsonPath("$.entries[1].eventType").value("FeedbackRequested"))
                .andExpect(jsonPath("$.entries[2].eventType").value("ShareAcknowledged"))
                .andExpect(jsonPath("$.entries[3].eventType").value("InformationShared"))
                .andExpect(jsonPath("$.entries[4].eventType").value("ChildTransferred"));
        // school-a reads the acts on its share (the acknowledgement names only csc-a), and the move; not what the
        // GP told children's social care
        read(CHILD, "school-a").andExpect(status().isOk())
                .andExpect(jsonPath("$.readAs").value("PARTY"))
                .andExpect(jsonPath("$.entries[*].eventType").value(contains(
                        "InformationShared", "FeedbackRequested", "ShareAcknowledged", "ChildTransferred")))
                .andExpect(jsonPath("$.entries[?(@.agency == 'gp-a')]").isEmpty());
        // the school the child joined reads the move only, and learns who else is involved, without content
        read(CHILD, "school-b").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].eventType").value("ChildTransferred"))
                .andExpect(jsonPath("$.involvement[*].agency").value(containsInAnyOrder(
                        "school-a", "csc-a", "gp-a", "school-b")))
                .andExpect(jsonPath("$.involvement[?(@.agency == 'gp-a')].kind").value("GP"))
                .andExpect(jsonPath("$.involvement[?(@.agency == 'gp-a')].acts[0]").value("InformationShared"))
                .andExpect(jsonPath("$..summary", hasSize(1)));

        read(CHILD, "police-a").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-involved-with-child"));
        assertThat(jdbc.query("select agency, granted, basis from chronology_access where child_id = ? "
                        + "order by accessed_at", (row, n) -> row.getString("agency") + ":" + row.getBoolean("granted")
                        + ":" + row.getString("basis"), CHILD))
                .containsExactly("csc-a:true:LEAD_AGENCY", "school-a:true:PARTY", "school-b:true:PARTY",
                        "police-a:false:null");

        mvc.perform(get("/api/children/{id}/chronology", "9990001201").with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("nhsNumber"));
    }

    /**
     * Issue 11: several consumers record acts about different children at once. Each is given the same partitions of
     * every topic, so a child's acts (keyed by the child) come to one of them, and each act is recorded once.
     */
    @Test
    void actsAboutManyChildrenAtOnce_areRecordedOnceEach_byConsumersGivenTheSamePartitionsOfEveryTopic()
            throws Exception {
        ConcurrentMessageListenerContainer<?, ?> live = (ConcurrentMessageListenerContainer<?, ?>)
                listeners.getListenerContainer("chronology-timeline");
        assertThat(live.getConcurrency()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(60)).until(() -> live.getAssignmentsByClientId() != null
                && live.getAssignmentsByClientId().size() == 3
                && live.getAssignmentsByClientId().values().stream().mapToInt(Collection::size).sum()
                        == 5 * 3);
        for (var assigned : live.getAssignmentsByClientId().values()) {
            Map<String, Set<Integer>> byTopic = new TreeMap<>();
            assigned.forEach(partition -> byTopic.computeIfAbsent(partition.topic(), t -> new TreeSet<>())
                    .add(partition.partition()));
            assertThat(byTopic).as("one consumer's partitions, by topic").hasSize(5);
            assertThat(new HashSet<>(byTopic.values())).as("the same partitions of every topic").hasSize(1);
        }

        List<String> children = SyntheticNhsNumbers.from(999004000, 12);
        List<CompletableFuture<?>> sent = new ArrayList<>();
        for (String child : children) {
            String shareId = "share-many-" + child;
            sent.add(kafka.send(Topics.REFERRALS, child, share(child, shareId, "school-a", List.of("csc-a"), T0)));
            sent.add(kafka.send(Topics.FEEDBACK, child, FeedbackRequested.newBuilder()
                    .setEnvelope(envelope(child, "school-a", T0.plusSeconds(60))).setFeedbackId("fb-" + child)
                    .setShareId(shareId).setOwedBy("csc-a").setOwedTo("school-a")
                    .setDueBy(LocalDate.parse("2099-11-30")).build()));
            sent.add(kafka.send(Topics.REFERRALS, child, ShareAcknowledged.newBuilder()
                    .setEnvelope(envelope(child, "csc-a", T0.plusSeconds(120))).setShareId(shareId)
                    .setRecipientAgency("csc-a").build()));
        }
        for (var each : sent) {
            each.get(30, TimeUnit.SECONDS);
        }
        children.forEach(child -> awaitEntries(child, 3));
        for (String child : children) {
            read(child, "csc-a").andExpect(status().isOk())
                    .andExpect(jsonPath("$.entries[*].eventType").value(contains("InformationShared",
                            "FeedbackRequested", "ShareAcknowledged")))
                    .andExpect(jsonPath("$.leadAgencies").value(contains("csc-a")));
        }
        assertThat(jdbc.queryForObject("select count(distinct event_id) from chronology_entry where child_id in ("
                + String.join(",", Collections.nCopies(children.size(), "?")) + ")", Integer.class,
                children.toArray())).isEqualTo(3 * children.size());
    }

    @Test
    void eachEntryShowsThePractitionerWhoActedForTheAgency_whereTheirTokenNamedOne() throws Exception {
        String child = "9990001413";
        InformationShared shared = share(child, "share-0401", "school-a", List.of("csc-a"), T0);
        shared.getEnvelope().setActingPractitioner("Designated lead (synthetic) 4");
        kafka.send(Topics.REFERRALS, child, shared).get();
        kafka.send(Topics.REFERRALS, child, ShareAcknowledged.newBuilder()
                .setEnvelope(envelope(child, "csc-a", T0.plusSeconds(600))).setShareId("share-0401")
                .setRecipientAgency("csc-a").build()).get();
        awaitEntries(child, 2);

        read(child, "csc-a").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[0].agency").value("school-a"))
                .andExpect(jsonPath("$.entries[0].practitioner").value("Designated lead (synthetic) 4"))
                .andExpect(jsonPath("$.entries[1].agency").value("csc-a"))
                .andExpect(jsonPath("$.entries[1].practitioner").value(nullValue()));
    }

    /**
     * A confirmation of understanding of a share not yet read records the reading too, at the same moment: the
     * chronology shows them in the order they were stored and published (read, then understood), whatever their
     * event ids, for every reader.
     */
    @Test
    void actsOfOneMoment_areInTheOrderTheyWerePublished_notTheirIds() throws Exception {
        String child = "9990001928";
        kafka.send(Topics.REFERRALS, child, share(child, "share-1901", "school-a", List.of("csc-a"), T0)).get();
        Instant moment = T0.plusSeconds(600);
        Envelope readAt = envelope(child, "csc-a", moment);
        readAt.setEventId("ffffffff-0000-4000-8000-000000000001");
        Envelope understoodAt = envelope(child, "csc-a", moment);
        understoodAt.setEventId("00000000-0000-4000-8000-000000000001");
        kafka.send(Topics.REFERRALS, child, ShareRead.newBuilder().setEnvelope(readAt).setShareId("share-1901")
                .setRecipientAgency("csc-a").setSenderAgency("school-a").build()).get();
        kafka.send(Topics.REFERRALS, child, UnderstandingConfirmed.newBuilder().setEnvelope(understoodAt)
                .setShareId("share-1901").setRecipientAgency("csc-a").setSenderAgency("school-a")
                .setNote("Strategy discussion today").build()).get();
        awaitEntries(child, 3);

        for (String reader : List.of("csc-a", "school-a")) {
            read(child, reader).andExpect(status().isOk())
                    .andExpect(jsonPath("$.entries[1].eventType").value("ShareRead"))
                    .andExpect(jsonPath("$.entries[2].eventType").value("UnderstandingConfirmed"));
        }
    }

    @Test
    void eachReadIsLoggedWithThePractitionerReadingForTheAgency_fromTheAccessTokenOrThePagesIdToken()
            throws Exception {
        String child = "9990001782";
        kafka.send(Topics.REFERRALS, child, share(child, "share-1701", "school-a", List.of("csc-a"), T0)).get();
        awaitEntries(child, 1);
        var agency = new SimpleGrantedAuthority("ROLE_AGENCY");

        // the API with an access token naming the practitioner; another naming nobody
        mvc.perform(get("/api/children/{id}/chronology", child).with(jwt().authorities(agency)
                        .jwt(token -> token.subject("school-a").claim("practitioner", "Attendance officer (synthetic) 2"))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/children/{id}/chronology", child).with(jwt().authorities(agency)
                        .jwt(token -> token.subject("school-a"))))
                .andExpect(status().isOk());
        // the reviewers' page, signed in with the identity provider: the practitioner its ID token names
        OidcIdToken idToken = OidcIdToken.withTokenValue("id-token").subject("csc-a").claim("agency", "csc-a")
                .claim("practitioner", "Duty social worker (synthetic) 9").build();
        String page = mvc.perform(get("/reviewer/children/{id}/timeline", child)
                        .with(oidcLogin().oidcUser(new DefaultOidcUser(List.of(agency), idToken, "agency"))))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        // a token naming a practitioner the log cannot hold: refused, nothing read
        mvc.perform(get("/api/children/{id}/chronology", child).with(jwt().authorities(agency)
                        .jwt(token -> token.subject("school-a").claim("practitioner", "x".repeat(201)))))
                .andExpect(status().isUnauthorized());

        assertThat(jdbc.query("select agency, practitioner, resource from chronology_access where child_id = ? "
                        + "order by accessed_at", (row, n) -> row.getString(1) + "|" + row.getString(2) + "|"
                        + row.getString(3), child))
                .containsExactly("school-a|Attendance officer (synthetic) 2|chronology", "school-a|null|chronology",
                        "csc-a|Duty social worker (synthetic) 9|chronology",
                        "csc-a|Duty social worker (synthetic) 9|access-log");
        // the page shows who read, the reader of the page among them; the API's access log too
        assertThat(page).contains("<td>Attendance officer (synthetic) 2</td>", "<td>not named</td>",
                "<td>Duty social worker (synthetic) 9</td>");
        mvc.perform(get("/api/children/{id}/access-log", child).with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.reads[0].practitioner").value("Attendance officer (synthetic) 2"))
                .andExpect(jsonPath("$.reads[1].practitioner").value(nullValue()))
                .andExpect(jsonPath("$.reads[2].practitioner").value("Duty social worker (synthetic) 9"));
    }

    @Test
    void eachAgencysFeed_carriesTheActsItIsPartyTo_andNothingElse() throws Exception {
        String child = "9990001421";
        InformationShared schoolShare = share(child, "share-0501", "school-a", List.of("csc-a"), T0);
        ShareAcknowledged acknowledged = ShareAcknowledged.newBuilder()
                .setEnvelope(envelope(child, "csc-a", T0.plusSeconds(60))).setShareId("share-0501")
                .setRecipientAgency("csc-a").build();
        InformationShared gpShare = share(child, "share-0502", "gp-a", List.of("csc-a"), T0.plusSeconds(120));
        for (SpecificRecord act : List.of(schoolShare, acknowledged, gpShare)) {
            kafka.send(Topics.REFERRALS, child, act).get();
        }
        awaitEntries(child, 3);
        // this run's acts (another context in this JVM, on another database, sends acts like them to the same feeds)
        Set<String> sent = Set.of(schoolShare.getEnvelope().getEventId(), acknowledged.getEnvelope().getEventId(),
                gpShare.getEnvelope().getEventId());

        // the lead agency's feed has every act: once it has the last, every feed has all it will get
        assertThat(feed("csc-a", sent, 3)).containsExactly("InformationShared share-0501",
                "ShareAcknowledged share-0501", "InformationShared share-0502");
        assertThat(feed("school-a", sent, 2)).containsExactly("InformationShared share-0501",
                "ShareAcknowledged share-0501");
        assertThat(feed("gp-a", sent, 1)).containsExactly("InformationShared share-0502");
        assertThat(feed("police-a", sent, 0)).isEmpty();
    }

    /** The acts among {@code sent} that {@code agency} reads on its feed, as that agency: at least {@code count}. */
    private static List<String> feed(String agency, Set<String> sent, int count) {
        try (TopicReader<SpecificRecord> feed = TopicReader.avroAs(agency, Topics.feedOf(agency))) {
            Predicate<ConsumerRecord<String, SpecificRecord>> ours =
                    r -> sent.contains(((Envelope) ((GenericRecord) r.value()).get("envelope")).getEventId());
            feed.await(ours, count, Duration.ofSeconds(60));
            return feed.settle(ours, Duration.ofSeconds(3)).stream().map(r -> r.value() instanceof InformationShared
                    shared ? "InformationShared " + shared.getShareId()
                    : "ShareAcknowledged " + ((ShareAcknowledged) r.value()).getShareId()).toList();
        }
    }

    @Test
    void theLeadAgencyFollowsTheChildsArea_andNeedsToHaveBeenInvolved() throws Exception {
        String child = "9990001219";
        kafka.send(Topics.REFERRALS, child, share(child, "share-0101", "school-a", List.of("csc-a"), T0)).get();
        // the child moves to a school in area b, whose children's social care has not been involved yet
        kafka.send(Topics.TRANSITIONS, child,
                transfer(child, "t-101", "school-a", "school-c", T0.plusSeconds(3600))).get();
        awaitEntries(child, 2);

        read(child, "csc-a").andExpect(status().isOk())
                .andExpect(jsonPath("$.childArea").value("area-b"))
                .andExpect(jsonPath("$.leadAgencies").isEmpty())
                .andExpect(jsonPath("$.readAs").value("PARTY"))
                .andExpect(jsonPath("$.entries.length()").value(1));

        InformationShared joined = share(child, "share-0102", "school-c", List.of("csc-b"), T0.plusSeconds(7200));
        kafka.send(Topics.REFERRALS, child, joined).get();
        awaitEntries(child, 3);
        read(child, "csc-b").andExpect(status().isOk())
                .andExpect(jsonPath("$.readAs").value("LEAD_AGENCY"))
                .andExpect(jsonPath("$.leadAgencies[0]").value("csc-b"))
                .andExpect(jsonPath("$.entries.length()").value(3));

        // the other services are told, so that csc-b reads the child's shares, requests, feedback and moves too
        try (TopicReader<SpecificRecord> announcements = TopicReader.avro(Topics.CHRONOLOGY)) {
            var told = announcements.await(r -> r.value() instanceof LeadAgenciesChanged changed
                    && joined.getEnvelope().getEventId().equals(changed.getEnvelope().getCausationId()), 1,
                    Duration.ofSeconds(60));
            assertThat(told).hasSize(1);
            LeadAgenciesChanged changed = (LeadAgenciesChanged) told.get(0).value();
            assertThat(changed.getLeadAgencies()).containsExactly("csc-b");
            assertThat(changed.getArea()).isEqualTo("area-b");
            assertThat(told.get(0).key()).isEqualTo(child);
        }
    }

    @Test
    void askingAboutAChild_opensOnlyTheRequest_notTheChildsHistory() throws Exception {
        String child = "9990001227";
        kafka.send(Topics.REFERRALS, child, share(child, "share-0201", "gp-a", List.of("csc-a"), T0)).get();
        kafka.send(Topics.REFERRALS, child, InformationRequested.newBuilder()
                .setEnvelope(envelope(child, "health-visiting-a", T0.plusSeconds(60))).setRequestId("r-201")
                .setRequestingAgency("health-visiting-a").setHolderAgency("csc-a").setRequestedBy("HV (synthetic)")
                .setWhyNeeded("New birth visit").setConcern("Siblings known to services")
                .setRespondBy(LocalDate.parse("2026-11-27")).build()).get();
        awaitEntries(child, 2);

        read(child, "health-visiting-a").andExpect(status().isOk())
                .andExpect(jsonPath("$.readAs").value("PARTY"))
                .andExpect(jsonPath("$.entries.length()").value(1))
                .andExpect(jsonPath("$.entries[0].eventType").value("InformationRequested"))
                .andExpect(jsonPath("$..summary", everyItem(
                        not(containsString("disclosure")))));
    }

    /** {@code act} as published at {@code publishedAt} (the Kafka record's timestamp: when it reached the topics). */
    private void publish(String topic, String child, SpecificRecord act, Instant publishedAt) throws Exception {
        kafka.send(new ProducerRecord<>(topic, null, publishedAt.toEpochMilli(), child, act)).get();
    }

    private static Envelope recorded(String child, String agency, Instant occurredAt, Instant recordedAt) {
        return Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(child)
                .setOccurredAt(occurredAt).setRecordedAt(recordedAt).setActingAgency(agency)
                .setCorrelationId("conversation-k").build();
    }

    private ResultActions asKnownAt(String child, String caller, String agency, String at) throws Exception {
        return mvc.perform(get("/api/children/{id}/chronology", child).param("asKnownAt", at).param("agency", agency)
                .with(httpBasic(caller, "dev-only-" + caller)));
    }

    @Test
    void whatAnAgencyKnewAtATime_isWhatItHadBeenTold_byThen_notWhatHadHappened() throws Exception {
        String child = "9990001448";
        Instant shared = Instant.parse("2026-10-01T09:00:00Z");
        InformationShared school = share(child, "share-0601", "school-a", List.of("csc-a"), shared);
        school.setEnvelope(recorded(child, "school-a", shared, shared.plusSeconds(1)));
        publish(Topics.REFERRALS, child, school, shared.plusSeconds(2));
        publish(Topics.REFERRALS, child, ShareAcknowledged.newBuilder()
                .setEnvelope(recorded(child, "csc-a", shared.plusSeconds(3600), shared.plusSeconds(3601)))
                .setShareId("share-0601").setRecipientAgency("csc-a").build(), shared.plusSeconds(3602));
        // the GP's share happened on the 2nd, but was recorded only on the 10th, and reached the topics 5 s later
        Instant late = Instant.parse("2026-10-10T09:00:00Z");
        InformationShared gp = share(child, "share-0602", "gp-a", List.of("csc-a"), Instant.parse(
                "2026-10-02T09:00:00Z"));
        gp.setEnvelope(recorded(child, "gp-a", Instant.parse("2026-10-02T09:00:00Z"), late));
        publish(Topics.REFERRALS, child, gp, late.plusSeconds(5));
        awaitEntries(child, 3);

        // on the 5th, children's social care knew the school's share (told by the school) and its own acknowledgement;
        // not the GP's share, though it had happened
        asKnownAt(child, "csc-a", "csc-a", "2026-10-05T00:00:00Z").andExpect(status().isOk())
                .andExpect(jsonPath("$.readAs").value("LEAD_AGENCY"))
                .andExpect(jsonPath("$.entries[*].eventType").value(contains("InformationShared",
                        "ShareAcknowledged")))
                .andExpect(jsonPath("$.entries[0].toldBy").value("school-a"))
                .andExpect(jsonPath("$.entries[0].through").value("share:share-0601"))
                .andExpect(jsonPath("$.entries[0].knownFrom").value("2026-10-01T09:00:02Z"))
                .andExpect(jsonPath("$.entries[1].toldBy").value(nullValue()));
        // recorded, but not yet on the topics: the GP knew it (its own act); children's social care not yet
        asKnownAt(child, "gp-a", "gp-a", "2026-10-10T09:00:00Z").andExpect(status().isOk())
                .andExpect(jsonPath("$.readAs").value("PARTY"))
                .andExpect(jsonPath("$.entries[*].eventType").value(contains("InformationShared")));
        asKnownAt(child, "gp-a", "gp-a", "2026-10-09T23:59:59.999Z").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries").isEmpty());
        asKnownAt(child, "csc-a", "csc-a", "2026-10-10T09:00:04.999Z").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(2));
        asKnownAt(child, "csc-a", "csc-a", "2026-10-10T09:00:05Z").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries.length()").value(3))
                // in the order things happened: the late one in its place
                .andExpect(jsonPath("$.entries[2].toldBy").value("gp-a"))
                .andExpect(jsonPath("$.entries[2].occurredAt").value("2026-10-02T09:00:00Z"))
                .andExpect(jsonPath("$.entries[2].recordedAt").value("2026-10-10T09:00:00Z"));
        // the lead agency asks what the school knew; the school may not ask what children's social care knew
        asKnownAt(child, "csc-a", "school-a", "2026-10-20T00:00:00Z").andExpect(status().isOk())
                .andExpect(jsonPath("$.agency").value("school-a"))
                .andExpect(jsonPath("$.entries[*].eventType").value(contains("InformationShared",
                        "ShareAcknowledged")))
                .andExpect(jsonPath("$.entries[1].toldBy").value("csc-a"));
        asKnownAt(child, "school-a", "csc-a", "2026-10-20T00:00:00Z").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value(
                        "urn:safeguarding-backbone:problem:not-entitled-to-agency-knowledge"));
        asKnownAt(child, "police-a", "police-a", "2026-10-20T00:00:00Z").andExpect(status().isForbidden())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:not-involved-with-child"));
        asKnownAt(child, "csc-a", "csc-a", "the fifth").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(containsString("asKnownAt")));
        // a name the backbone does not know is a mistake to say so, not an agency that was told nothing
        asKnownAt(child, "csc-a", "school_a", "2026-10-20T00:00:00Z").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unknown-agency"))
                .andExpect(jsonPath("$.detail").value(containsString("'school_a'")));
        assertThat(mvc.perform(get("/reviewer/children/{id}/timeline", child).param("knownBy", "school_a")
                        .param("asKnownAt", "2026-10-20T00:00:00Z").with(httpBasic("csc-a", "dev-only-csc-a")))
                .andReturn().getResponse().getStatus()).isEqualTo(400);
        assertThat(jdbc.queryForList("select resource from chronology_access where child_id = ? and agency = 'csc-a'"
                + " and resource in ('as-known-at:school_a', 'chronology')", String.class, child)).isEmpty();
        assertThat(jdbc.queryForList("select resource from chronology_access where child_id = ? and agency = "
                + "'school-a'", String.class, child)).containsExactly("as-known-at:csc-a");

        // who knew of the school's share, and since when
        mvc.perform(get("/api/children/{id}/known-by", child).param("record", "share:share-0601")
                        .with(httpBasic("school-a", "dev-only-school-a")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.readAs").value("PARTY"))
                .andExpect(jsonPath("$.knownBy[*].agency").value(contains("school-a", "csc-a")))
                .andExpect(jsonPath("$.knownBy[0].since").value("2026-10-01T09:00:01Z"))
                .andExpect(jsonPath("$.knownBy[0].toldBy").value(nullValue()))
                .andExpect(jsonPath("$.knownBy[1].since").value("2026-10-01T09:00:02Z"))
                .andExpect(jsonPath("$.knownBy[1].toldBy").value("school-a"))
                .andExpect(jsonPath("$.knownBy[1].eventType").value("InformationShared"));
        mvc.perform(get("/api/children/{id}/known-by", child).param("record", "share:share-0601")
                .with(httpBasic("gp-a", "dev-only-gp-a"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/children/{id}/known-by", child).param("record", "share:no-such-share")
                .with(httpBasic("csc-a", "dev-only-csc-a"))).andExpect(status().isNotFound());
        mvc.perform(get("/api/children/{id}/known-by", child).param("record", "everything")
                        .with(httpBasic("csc-a", "dev-only-csc-a"))).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("record"));
    }

    @Test
    void threeAgenciesRaisingConcernsWithinAWeek_isAPattern_announcedOnceToTheLeadAgency() throws Exception {
        String child = "9990001456";
        Instant monday = Instant.parse("2026-09-07T09:00:00Z");
        InformationShared school = share(child, "share-0701", "school-a", List.of("csc-a"), monday);
        InformationShared gp = share(child, "share-0702", "gp-a", List.of("csc-a"), monday.plusSeconds(86_400));
        kafka.send(Topics.REFERRALS, child, school).get();
        kafka.send(Topics.REFERRALS, child, gp).get();
        awaitEntries(child, 2);
        InformationShared police = share(child, "share-0703", "police-a", List.of("csc-a"),
                monday.plusSeconds(6 * 86_400));
        kafka.send(Topics.REFERRALS, child, police).get();

        // on the topic, addressed to children's social care (the lead agency), naming the acts it was found in
        List<String> acts = List.of(school.getEnvelope().getEventId(), gp.getEnvelope().getEventId(),
                police.getEnvelope().getEventId());
        PatternDetected found;
        try (TopicReader<SpecificRecord> patterns = TopicReader.avro(Topics.PATTERNS)) {
            // this run's (another context in this JVM, on another database, finds the same in acts like these)
            var detected = patterns.await(r -> r.value() instanceof PatternDetected p
                    && p.getContributingEventIds().contains(school.getEnvelope().getEventId()), 1,
                    Duration.ofSeconds(60));
            found = (PatternDetected) detected.get(0).value();
        }
        assertThat(found.getRule()).isEqualTo("concerns-from-several-agencies");
        assertThat(found.getContributingEventIds()).containsExactlyElementsOf(acts);
        assertThat(found.getAddressedTo()).containsExactly("csc-a");
        assertThat(found.getWindowFrom()).isEqualTo(monday);
        assertThat(found.getEnvelope().getActingAgency()).isEqualTo("backbone");
        assertThat(found.getEnvelope().getCausationId()).isEqualTo(police.getEnvelope().getEventId());

        // in the chronology, for the lead agency; not for the agencies that raised the concerns
        awaitEntries(child, 4);
        read(child, "csc-a").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[3].eventType").value("PatternDetected"))
                .andExpect(jsonPath("$.entries[3].agency").value("backbone"))
                .andExpect(jsonPath("$.entries[3].summary").value(containsString(
                        "3 agencies raised concerns about the child within 7 days.")));
        read(child, "school-a").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[*].eventType").value(contains("InformationShared")));
        // and on the lead agency's feed
        try (TopicReader<SpecificRecord> feed = TopicReader.avroAs("csc-a", Topics.feedOf("csc-a"))) {
            assertThat(feed.await(r -> r.value() instanceof PatternDetected p
                    && p.getEnvelope().getEventId().equals(found.getEnvelope().getEventId()), 1,
                    Duration.ofSeconds(60))).hasSize(1);
        }

        // the same acts delivered again: the same pattern, not a new one
        kafka.send(Topics.REFERRALS, child, police).get();
        kafka.send(Topics.REFERRALS, child, ShareAcknowledged.newBuilder()
                .setEnvelope(envelope(child, "csc-a", monday.plusSeconds(7 * 86_400))).setShareId("share-0703")
                .setRecipientAgency("csc-a").build()).get();
        awaitEntries(child, 5);
        await().pollDelay(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(jdbc.queryForObject("select count(*) from chronology_entry where child_id = ? "
                        + "and event_type = 'PatternDetected'", Integer.class, child)).isEqualTo(1));
        assertThat(jdbc.queryForObject("select count(*) from pattern_flag where child_id = ?", Integer.class,
                child)).isEqualTo(1);
    }

    @Test
    void feedbackNotGivenByItsDueTime_isFoundOnceTheTimeHasPassed_withoutAnyFurtherAct() throws Exception {
        String child = "9990001464";
        kafka.send(Topics.REFERRALS, child, share(child, "share-0801", "school-a", List.of("csc-a"), T0)).get();
        FeedbackRequested owed = FeedbackRequested.newBuilder()
                .setEnvelope(envelope(child, "school-a", T0.plusSeconds(60))).setFeedbackId("fb-801")
                .setShareId("share-0801").setOwedBy("csc-a").setOwedTo("school-a")
                .setDueBy(LocalDate.parse("2099-11-30")).build();
        kafka.send(Topics.FEEDBACK, child, owed).get();
        awaitEntries(child, 2);
        assertThat(jdbc.queryForObject("select due_at from chronology_entry where event_id = ?", Instant.class,
                owed.getEnvelope().getEventId())).isEqualTo(Instant.parse("2099-12-01T00:00:00Z"));

        // its due time comes (brought forward here: a day cannot pass in a test); nothing else happens
        jdbc.update("update chronology_entry set due_at = ? where event_id = ?",
                java.sql.Timestamp.from(Instant.now().plusSeconds(2)), owed.getEnvelope().getEventId());
        awaitEntries(child, 3);
        read(child, "csc-a").andExpect(status().isOk())
                .andExpect(jsonPath("$.entries[2].eventType").value("PatternDetected"))
                .andExpect(jsonPath("$.entries[2].summary").value(containsString("feedback-overdue")));
    }

    @Test
    void theReviewersTimelinePage_showsTheActsInAgencyLanes_thePatternMarked_andExportsThem() throws Exception {
        String child = "9990001499";
        Instant monday = Instant.parse("2026-09-14T09:00:00Z");
        kafka.send(Topics.REFERRALS, child, share(child, "share-1001", "school-a", List.of("csc-a"), monday)).get();
        kafka.send(Topics.REFERRALS, child, share(child, "share-1002", "gp-a", List.of("csc-a"),
                monday.plusSeconds(3600))).get();
        kafka.send(Topics.REFERRALS, child, share(child, "share-1003", "police-a", List.of("csc-a"),
                monday.plusSeconds(7200))).get();
        awaitEntries(child, 4);

        String page = mvc.perform(get("/reviewer/children/{id}/timeline", child)
                        .with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .contentTypeCompatibleWith("text/html"))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<th scope=\"col\">school-a</th>", "<th scope=\"col\">gp-a</th>",
                        "<th scope=\"col\">police-a</th>", "<th scope=\"col\">backbone</th>")
                .contains("Pattern flagged: ").contains("3 agencies raised concerns about the child within 7 days.")
                .contains("id=\"read-as\">LEAD_AGENCY<").contains("Who read this child's data");
        // filtered to one agency's lane
        assertThat(mvc.perform(get("/reviewer/children/{id}/timeline", child).param("agency", "gp-a")
                        .with(httpBasic("csc-a", "dev-only-csc-a"))).andReturn().getResponse().getContentAsString())
                .contains("1 acts, one lane per agency").doesNotContain("<th scope=\"col\">school-a</th>");
        // the school reads its own act, and not the access log
        assertThat(mvc.perform(get("/reviewer/children/{id}/timeline", child)
                        .with(httpBasic("school-a", "dev-only-school-a"))).andReturn().getResponse()
                .getContentAsString()).contains("1 acts, one lane per agency")
                .contains("The access log is for the lead agency");

        var csv = mvc.perform(get("/reviewer/children/{id}/timeline.csv", child).param("kind", "PatternDetected")
                        .with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string(
                        "Content-Disposition", "attachment; filename=\"child-" + child + "-timeline.csv\""))
                .andReturn().getResponse();
        List<String> lines = csv.getContentAsString().lines().toList();
        assertThat(lines).hasSize(2);
        assertThat(lines.get(0)).startsWith("\"child\",\"occurredAt\",\"recordedAt\",\"agency\"");
        assertThat(lines.get(1)).contains("\"backbone\"", "\"PatternDetected\"", "\"yes\"");
        // "as known at" is offered for the agencies, not for the backbone's lane of patterns
        assertThat(page).contains("<option value=\"gp-a\">gp-a</option>")
                .doesNotContain("<option value=\"backbone\">");
        // an agency never involved with the child: refused, as by the API
        mvc.perform(get("/reviewer/children/{id}/timeline", child).with(httpBasic("school-b", "dev-only-school-b")))
                .andExpect(status().isForbidden());

        // a lane or a kind the backbone does not know (a slip) would read as an agency that did nothing, or acts that
        // never happened: a problem naming it, on the page and its export, and nothing read or recorded
        int readsBefore = jdbc.queryForObject("select count(*) from chronology_access where child_id = ?",
                Integer.class, child);
        mvc.perform(get("/reviewer/children/{id}/timeline", child).param("agency", "gp-a").param("agency", "gp_a")
                        .with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unknown-agency"))
                .andExpect(jsonPath("$.detail").value(containsString("'gp_a'")));
        mvc.perform(get("/reviewer/children/{id}/timeline.csv", child).param("kind", "Referral")
                        .with(httpBasic("csc-a", "dev-only-csc-a")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.type").value("urn:safeguarding-backbone:problem:unknown-kind-of-act"))
                .andExpect(jsonPath("$.detail").value(containsString("'Referral'")));
        assertThat(jdbc.queryForObject("select count(*) from chronology_access where child_id = ?", Integer.class,
                child)).isEqualTo(readsBefore);
        // the backbone's own lane, and a kind the child has none of, are real filters: answered, empty or not
        assertThat(mvc.perform(get("/reviewer/children/{id}/timeline", child).param("agency", "backbone")
                        .with(httpBasic("csc-a", "dev-only-csc-a"))).andReturn().getResponse().getContentAsString())
                .contains("1 acts, one lane per agency");
        assertThat(mvc.perform(get("/reviewer/children/{id}/timeline", child).param("kind", "CaseClosed")
                        .with(httpBasic("csc-a", "dev-only-csc-a"))).andReturn().getResponse().getContentAsString())
                .contains("No acts to show with these filters.");
    }

    @Test
    void anEventTypeTheChronologyDoesNotKnowIsDeadLettered_andTheNextEventIsStillRecorded() throws Exception {
        Envelope stray = envelope("school-a", T0);
        kafka.send(Topics.REFERRALS, CHILD, stray).get();
        kafka.send(Topics.REFERRALS, CHILD, ShareAcknowledged.newBuilder()
                .setEnvelope(envelope("gp-a", T0.plusSeconds(5))).setShareId("share-0002")
                .setRecipientAgency("gp-a").build()).get();

        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.queryForObject(
                "select count(*) from chronology_entry where event_type = 'ShareAcknowledged' and agency = 'gp-a'",
                Integer.class) == 1);
        try (TopicReader<SpecificRecord> deadLetters = TopicReader.avro(Topics.REFERRALS + Topics.DEAD_LETTER_SUFFIX)) {
            var dead = deadLetters.await(r -> r.value() instanceof Envelope e
                    && e.getEventId().equals(stray.getEventId()), 1, Duration.ofSeconds(60));
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("does not know the event type");
        }
    }

    /**
     * R18: on the services' topics a record's personal fields are sealed under the child's key; the chronology opens
     * them for its entries and the agencies' feeds (what the feed's agency is entitled to, in clear), and dead-letters
     * one altered so that it can never open.
     */
    @Test
    void aRecordSealedOnItsTopic_isOpenedForTheChronologyAndTheFeeds_andOneAlteredIsDeadLettered() throws Exception {
        String child = "9990001901";
        InformationShared shared = share(child, "share-1901", "school-a", List.of("csc-a"), T0);
        shared.setPurpose("Bruising seen on both arms at drop-off");
        String eventId = shared.getEnvelope().getEventId();
        kafka.send(Topics.REFERRALS, child, sealed.seal(child, shared)).get();
        assertThat(shared.getPurpose()).as("sent sealed").startsWith(SealedColumn.PREFIX);

        awaitEntries(child, 1);
        read(child, "csc-a").andExpect(status().isOk()).andExpect(jsonPath("$.entries[0].summary")
                .value(containsString("Purpose: Bruising seen on both arms at drop-off")));
        try (TopicReader<SpecificRecord> feed = TopicReader.avroAs("csc-a", Topics.feedOf("csc-a"))) {
            InformationShared onTheFeed = (InformationShared) feed.await(r -> r.value() instanceof InformationShared s
                    && s.getEnvelope().getEventId().equals(eventId), 1, Duration.ofSeconds(60)).get(0).value();
            assertThat(onTheFeed.getPurpose()).isEqualTo("Bruising seen on both arms at drop-off");
            assertThat(onTheFeed.getStatements().get(0).getText()).isEqualTo("The child said ...");
        }

        InformationShared altered = share(child, "share-1902", "school-a", List.of("csc-a"), T0.plusSeconds(60));
        sealed.seal(child, altered);
        String purpose = altered.getPurpose();
        altered.setPurpose(purpose.substring(0, purpose.length() - 2)
                + (purpose.charAt(purpose.length() - 2) == 'A' ? 'B' : 'A') + purpose.charAt(purpose.length() - 1));
        kafka.send(Topics.REFERRALS, child, altered).get();
        try (TopicReader<SpecificRecord> deadLetters = TopicReader.avro(Topics.REFERRALS + Topics.DEAD_LETTER_SUFFIX)) {
            var dead = deadLetters.await(r -> r.value() instanceof InformationShared s
                    && s.getEnvelope().getEventId().equals(altered.getEnvelope().getEventId()), 1,
                    Duration.ofSeconds(60));
            assertThat(dead).hasSize(1);
            assertThat(new String(dead.get(0).headers().lastHeader("kafka_dlt-exception-message").value()))
                    .contains("a personal field does not open").doesNotContain(child);
        }
        assertThat(jdbc.queryForObject("select count(*) from chronology_entry where child_id = ?", Integer.class,
                child)).isEqualTo(1);
    }
}
