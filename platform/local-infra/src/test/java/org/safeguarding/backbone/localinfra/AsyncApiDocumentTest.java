package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.avro.Schema;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Contracts;
import org.safeguarding.backbone.contracts.Topics;
import org.yaml.snakeyaml.Yaml;

/**
 * docs/asyncapi.yaml (issue 10, part 3) says what the code does, so it cannot drift: one message per contract, its
 * payload the record's own Avro source; each service topic carrying exactly the records of its namespace; the feeds
 * what the chronology passes on; each service sending and receiving exactly the topics the access plan grants it.
 */
class AsyncApiDocumentTest {

    private static final Path ROOT = Path.of(System.getProperty("backbone.repo-root", "../.."));
    private static final Path DOCUMENT = ROOT.resolve("docs/asyncapi.yaml");
    private static final Map<String, String> SERVICE_TOPICS = Map.of(
            "referrals", Topics.REFERRALS, "feedback", Topics.FEEDBACK, "transitions", Topics.TRANSITIONS,
            "reviews", Topics.REVIEWS, "chronology", Topics.CHRONOLOGY, "patterns", Topics.PATTERNS,
            "access", Topics.ACCESS);
    /** What the chronology passes to the agencies' feeds: every act on these (ChronologyListener). */
    private static final List<String> FEED_SOURCES = List.of(Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS,
            Topics.REVIEWS, Topics.PATTERNS);

    private static JsonNode document;

    @BeforeAll
    static void read() throws IOException {
        try (Reader reader = Files.newBufferedReader(DOCUMENT)) {
            Object yaml = new Yaml().load(reader);
            document = new ObjectMapper().valueToTree(yaml);
        }
    }

    @Test
    void isAsyncApi3() {
        assertThat(document.get("asyncapi").asText()).startsWith("3.");
        assertThat(document.at("/info/title").asText()).isNotBlank();
        assertThat(document.at("/servers/local/protocol").asText()).isEqualTo("kafka");
    }

    @Test
    void everyContractIsAMessage_whosePayloadIsItsOwnAvroSource() throws IOException {
        JsonNode messages = document.at("/components/messages");
        Set<String> names = new TreeSet<>();
        messages.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactlyInAnyOrderElementsOf(
                Contracts.records().stream().map(Schema::getName).toList());

        for (Schema record : Contracts.records()) {
            JsonNode message = messages.get(record.getName());
            assertThat(message.get("title").asText()).isEqualTo(record.getFullName());
            assertThat(message.at("/payload/schemaFormat").asText()).startsWith("application/vnd.apache.avro");
            Path source = DOCUMENT.getParent().resolve(message.at("/payload/schema/$ref").asText()).normalize();
            JsonNode avsc = new ObjectMapper().readTree(source.toFile());
            assertThat(avsc.get("namespace").asText() + "." + avsc.get("name").asText())
                    .as(record.getName() + "'s payload").isEqualTo(record.getFullName());
            assertThat(message.at("/traits/0/$ref").asText()).isEqualTo("#/components/messageTraits/keyedByChild");
        }
        assertThat(document.at("/components/messageTraits/keyedByChild/bindings/kafka/key/description").asText())
                .contains("NHS number");
    }

    @Test
    void eachTopicCarriesTheRecordsOfItsNamespace_andTheFeedsWhatTheChronologyPassesOn() {
        Map<String, Set<String>> expected = new LinkedHashMap<>();
        for (Schema record : Contracts.records()) {
            Topics.forNamespace(record.getNamespace()).ifPresent(topic ->
                    expected.computeIfAbsent(topic, t -> new TreeSet<>()).add(record.getName()));
        }
        SERVICE_TOPICS.forEach((channel, topic) -> {
            assertThat(document.at("/channels/" + channel + "/address").asText()).isEqualTo(topic);
            assertThat(messagesOf(channel)).as(topic).isEqualTo(expected.getOrDefault(topic, Set.of()));
        });

        assertThat(document.at("/channels/inbound/address").asText())
                .isEqualTo(Topics.inboundFrom("agency").replace("agency", "{agency}"));
        assertThat(messagesOf("inbound")).containsExactly("ShareInformation");
        assertThat(document.at("/channels/inboundDeadLetters/address").asText())
                .isEqualTo(Topics.inboundFrom("agency").replace("agency", "{agency}") + Topics.DEAD_LETTER_SUFFIX);
        assertThat(document.at("/channels/feed/address").asText())
                .isEqualTo(Topics.feedOf("agency").replace("agency", "{agency}"));
        Set<String> fed = new TreeSet<>();
        FEED_SOURCES.forEach(topic -> fed.addAll(expected.get(topic)));
        assertThat(messagesOf("feed")).isEqualTo(fed);
    }

    @Test
    void eachServiceSendsAndReceivesExactlyWhatTheAccessPlanGrantsIt() {
        for (String service : KafkaAccess.SERVICES) {
            assertThat(topicsOf(service, "send")).as(service + " sends")
                    .containsExactlyInAnyOrderElementsOf(KafkaAccess.writesOf(service));
            assertThat(topicsOf(service, "receive")).as(service + " receives")
                    .containsExactlyInAnyOrderElementsOf(KafkaAccess.readsOf(service));
        }
        assertThat(channelsOf("agency", "send")).containsExactly("inbound");
        assertThat(channelsOf("agency", "receive")).containsExactlyInAnyOrder("feed", "inboundDeadLetters");
        assertThat(channelsOf("referrals", "receive")).contains("inbound");
        assertThat(channelsOf("chronology", "send")).contains("feed");
    }

    private static Set<String> messagesOf(String channel) {
        Set<String> names = new TreeSet<>();
        document.at("/channels/" + channel + "/messages").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The service topics {@code party} {@code action}s (the per-agency channels left out). */
    private static List<String> topicsOf(String party, String action) {
        return channelsOf(party, action).stream().filter(SERVICE_TOPICS::containsKey).map(SERVICE_TOPICS::get)
                .toList();
    }

    private static List<String> channelsOf(String party, String action) {
        List<String> channels = new ArrayList<>();
        document.get("operations").forEach(operation -> {
            if (operation.get("x-party").asText().equals(party) && operation.get("action").asText().equals(action)) {
                channels.add(operation.at("/channel/$ref").asText().replace("#/channels/", ""));
            }
        });
        return channels;
    }
}
