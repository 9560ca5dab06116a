package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.safeguarding.backbone.localinfra.LocalKafkaBrokerTest.with;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.acl.AclOperation;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.GroupAuthorizationException;
import org.apache.kafka.common.errors.SaslAuthenticationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;

/**
 * The Kafka access model on a real broker with its authorizer (docs/architecture.md, "Kafka access"): what each
 * service and each agency may read and write, written out here independently of {@link KafkaAccess}, checked for
 * every topic, and tried with real clients for what matters most: an agency reads nobody's events but its own feed,
 * and writes as nobody but itself.
 */
class KafkaAccessTest {

    private static final List<String> AGENCIES = List.of("school-a", "gp-a");
    private static final String REFERRALS = Topics.REFERRALS;
    private static final String FEEDBACK = Topics.FEEDBACK;
    private static final String TRANSITIONS = Topics.TRANSITIONS;
    private static final String REVIEWS = Topics.REVIEWS;
    private static final String ACCESS = Topics.ACCESS;
    private static final String CHRONOLOGY = Topics.CHRONOLOGY;
    private static final String PATTERNS = Topics.PATTERNS;

    private static LocalKafkaBroker broker;
    private static KafkaAccess access;

    @BeforeAll
    static void start() {
        access = KafkaAccess.forAgencies(AGENCIES);
        broker = LocalKafkaBroker.startTemporary(access);
    }

    @AfterAll
    static void stop() {
        broker.close();
    }

    private static String dlt(String topic) {
        return topic + Topics.DEAD_LETTER_SUFFIX;
    }

    /** What each principal may do on each topic; everything not listed is refused. */
    private static Map<String, Set<String>> expected() {
        Map<String, Set<String>> allowed = new TreeMap<>();
        allowed.put("referrals", Set.of("WRITE " + REFERRALS, "WRITE " + ACCESS,
                "READ " + CHRONOLOGY, "WRITE " + dlt(CHRONOLOGY), "READ " + TRANSITIONS, "WRITE " + dlt(TRANSITIONS),
                "READ " + Topics.inboundFrom("school-a"), "WRITE " + dlt(Topics.inboundFrom("school-a")),
                "READ " + Topics.inboundFrom("gp-a"), "WRITE " + dlt(Topics.inboundFrom("gp-a"))));
        allowed.put("feedback", Set.of("WRITE " + FEEDBACK, "WRITE " + ACCESS, "READ " + REFERRALS,
                "WRITE " + dlt(REFERRALS), "READ " + CHRONOLOGY, "WRITE " + dlt(CHRONOLOGY)));
        allowed.put("transitions", Set.of("WRITE " + TRANSITIONS, "WRITE " + ACCESS, "READ " + REFERRALS,
                "WRITE " + dlt(REFERRALS), "READ " + FEEDBACK, "WRITE " + dlt(FEEDBACK), "READ " + CHRONOLOGY,
                "WRITE " + dlt(CHRONOLOGY)));
        allowed.put("chronology", Set.of("WRITE " + REVIEWS, "WRITE " + CHRONOLOGY, "WRITE " + PATTERNS,
                "WRITE " + ACCESS, "READ " + REFERRALS, "READ " + FEEDBACK, "READ " + TRANSITIONS, "READ " + REVIEWS,
                "READ " + PATTERNS, "READ " + ACCESS, "READ " + CHRONOLOGY,
                "WRITE " + dlt(REFERRALS), "WRITE " + dlt(FEEDBACK), "WRITE " + dlt(TRANSITIONS),
                "WRITE " + dlt(REVIEWS), "WRITE " + dlt(PATTERNS), "WRITE " + dlt(ACCESS), "WRITE " + dlt(CHRONOLOGY),
                "WRITE " + Topics.feedOf("school-a"), "WRITE " + Topics.feedOf("gp-a")));
        for (String agency : AGENCIES) {
            allowed.put(agency, Set.of("WRITE " + Topics.inboundFrom(agency),
                    "READ " + dlt(Topics.inboundFrom(agency)), "READ " + Topics.feedOf(agency)));
        }
        return allowed;
    }

    @Test
    void eachServiceAndEachAgency_mayReadAndWriteExactlyWhatTheAccessModelSays() throws Exception {
        Map<String, Set<String>> granted = new TreeMap<>();
        for (String principal : access.principals()) {
            granted.put(principal, grantedTo(principal));
        }
        assertThat(granted).isEqualTo(expected());
    }

    /** "READ topic" and "WRITE topic" for every topic the principal may read or write, asking the broker itself. */
    private static Set<String> grantedTo(String principal) throws Exception {
        Set<String> granted = new TreeSet<>();
        try (Admin admin = Admin.create(broker.clientConfig(principal))) {
            Map<String, KafkaFuture<TopicDescription>> topics = admin.describeTopics(access.topics(),
                    new DescribeTopicsOptions().includeAuthorizedOperations(true)).topicNameValues();
            for (Map.Entry<String, KafkaFuture<TopicDescription>> topic : topics.entrySet()) {
                try {
                    Set<AclOperation> operations = topic.getValue().get(30, TimeUnit.SECONDS).authorizedOperations();
                    for (AclOperation operation : List.of(AclOperation.READ, AclOperation.WRITE)) {
                        if (operations.contains(operation)) {
                            granted.add(operation + " " + topic.getKey());
                        }
                    }
                } catch (ExecutionException e) {
                    // not even allowed to know the topic exists
                    assertThat(e.getCause()).isInstanceOf(TopicAuthorizationException.class);
                }
            }
        }
        return granted;
    }

    @Test
    void anAgencySystem_writesOnlyAsItself_andReadsOnlyItsOwnFeed() throws Exception {
        try (var producer = new KafkaProducer<>(with(with(broker.clientConfig("school-a"),
                ProducerConfig.ACKS_CONFIG, "all"), ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000),
                new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(Topics.inboundFrom("school-a"), "9990000018", "a request")).get();
            for (String foreign : List.of(Topics.inboundFrom("gp-a"), REFERRALS, Topics.feedOf("school-a"))) {
                assertThatThrownBy(() -> producer.send(new ProducerRecord<>(foreign, "9990000018", "forged")).get())
                        .as(foreign).hasCauseInstanceOf(TopicAuthorizationException.class);
            }
        }
        try (var chronology = new KafkaProducer<>(broker.clientConfig("chronology"), new StringSerializer(),
                new StringSerializer())) {
            chronology.send(new ProducerRecord<>(Topics.feedOf("school-a"), "9990000018", "an act")).get();
        }

        assertThat(read("school-a", "school-a.case-system", Topics.feedOf("school-a"))).containsExactly("an act");
        assertThatThrownBy(() -> read("school-a", "school-a.case-system", REFERRALS))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read("school-a", "school-a.case-system", Topics.feedOf("gp-a")))
                .isInstanceOf(TopicAuthorizationException.class);
        assertThatThrownBy(() -> read("school-a", "gp-a.case-system", Topics.feedOf("school-a")))
                .as("another agency's consumer group").isInstanceOf(GroupAuthorizationException.class);
    }

    private static List<String> read(String principal, String group, String topic) {
        Map<String, Object> config = with(with(broker.clientConfig(principal), ConsumerConfig.GROUP_ID_CONFIG, group),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            List<String> values = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (values.isEmpty() && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(record -> values.add(record.value()));
            }
            return values;
        }
    }

    @Test
    void thePlanIsAlsoTheCommandsForAProductionCluster() {
        List<String> commands = access.commands(6, 3);
        assertThat(commands).hasSize(2 * access.topics().size() + access.acls().size())
                .contains("kafka-topics.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties "
                        + "--create --if-not-exists --topic safeguarding.feed.school-a.v1 --partitions 6 "
                        + "--replication-factor 3 --config min.insync.replicas=2 --config retention.ms=2592000000")
                .contains("kafka-configs.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties "
                        + "--alter --entity-type topics --entity-name safeguarding.feed.school-a.v1 "
                        + "--add-config min.insync.replicas=2,retention.ms=2592000000")
                .contains("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add "
                        + "--allow-principal User:school-a --operation Write --topic safeguarding.inbound.school-a.v1")
                .contains("kafka-acls.sh --bootstrap-server \"$BOOTSTRAP\" --command-config admin.properties --add "
                        + "--allow-principal User:school-a --operation Read --group school-a. "
                        + "--resource-pattern-type prefixed");
    }

    @Test
    void everyTopic_keepsItsRecordsForThePeriodOfItsKind_deadLettersIncluded() throws Exception {
        Map<String, String> expected = new TreeMap<>();
        long years25 = Duration.ofDays(9131).toMillis();
        for (String topic : List.of(REFERRALS, FEEDBACK, TRANSITIONS, REVIEWS, ACCESS, CHRONOLOGY, PATTERNS)) {
            expected.put(topic, Long.toString(years25));
            expected.put(dlt(topic), Long.toString(Duration.ofDays(90).toMillis()));
        }
        for (String agency : AGENCIES) {
            expected.put(Topics.inboundFrom(agency), Long.toString(Duration.ofDays(7).toMillis()));
            expected.put(dlt(Topics.inboundFrom(agency)), Long.toString(Duration.ofDays(90).toMillis()));
            expected.put(Topics.feedOf(agency), Long.toString(Duration.ofDays(30).toMillis()));
        }
        assertThat(retentionOnTheBroker(access.topics())).isEqualTo(expected);
    }

    @Test
    void retentionSetDifferently_isAppliedToTopicsThatAlreadyExist() throws Exception {
        KafkaAccess shorter = access.withRetention(TopicRetention.from(Map.of(
                "backbone.kafka.retention.dead-letters", "P14D")::get));
        broker.apply(shorter);
        try {
            assertThat(retentionOnTheBroker(List.of(dlt(REFERRALS), REFERRALS))).containsExactly(
                    Map.entry(REFERRALS, Long.toString(Duration.ofDays(9131).toMillis())),
                    Map.entry(dlt(REFERRALS), Long.toString(Duration.ofDays(14).toMillis())));
        } finally {
            broker.apply(access);
        }
    }

    @Test
    void aRetentionThatIsNotAPeriod_isRefusedWithTheSettingNamed() {
        assertThatThrownBy(() -> TopicRetention.from(Map.of("backbone.kafka.retention.feeds", "30 days")::get))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("backbone.kafka.retention.feeds").hasMessageContaining("'30 days'");
        assertThatThrownBy(() -> TopicRetention.from(Map.of("backbone.kafka.retention.events", "PT0S")::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }

    private static Map<String, String> retentionOnTheBroker(List<String> topics) throws Exception {
        try (Admin admin = Admin.create(broker.clientConfig(LocalKafkaBroker.ADMIN))) {
            Map<String, String> retention = new TreeMap<>();
            admin.describeConfigs(topics.stream().map(t -> new ConfigResource(ConfigResource.Type.TOPIC, t))
                            .toList()).all().get(60, TimeUnit.SECONDS)
                    .forEach((resource, config) -> retention.put(resource.name(),
                            config.get(TopicConfig.RETENTION_MS_CONFIG).value()));
            return retention;
        }
    }

    @Test
    void aConnectionWithoutTheRightCredential_isRefused() {
        Map<String, Object> config = new TreeMap<>(broker.clientConfig("school-a"));
        config.put("sasl.jaas.config", "org.apache.kafka.common.security.plain.PlainLoginModule required "
                + "username=\"school-a\" password=\"guessed\";");
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            assertThatThrownBy(() -> producer.send(new ProducerRecord<>(Topics.inboundFrom("school-a"), "k", "v"))
                    .get()).hasCauseInstanceOf(SaslAuthenticationException.class);
        }
    }
}
