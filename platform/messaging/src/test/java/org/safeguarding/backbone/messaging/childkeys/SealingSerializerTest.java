package org.safeguarding.backbone.messaging.childkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.json.JacksonSerializer;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.kernel.childkeys.JdbcChildKeys;
import org.safeguarding.backbone.kernel.childkeys.LocalKeyEncryptionKey;
import org.safeguarding.backbone.kernel.childkeys.Personal;
import org.safeguarding.backbone.kernel.childkeys.Sealing;

/** Stored events keep their shape, with each personal text sealed under the child's key (R18). */
class SealingSerializerTest {

    private static final String CHILD = "9990000018";

    record Person(@Personal String name, String role) {
    }

    record Voice(@Personal String whatTheChildSaid, @Personal String howDisclosed) {
    }

    record Shared(String shareId, String childId, String senderAgency, @Personal String purpose,
                  List<Person> people, Voice voice, @Personal List<String> notes,
                  @Personal Map<String, String> localIds, Instant occurredAt) {
    }

    record Acknowledged(String shareId, String childId, String agency) {
    }

    record Nameless(@Personal String text) {
    }

    @TempDir
    Path dir;

    private JdbcChildKeys keys;
    private SealingSerializer serializer;

    @BeforeEach
    void aSerializer() {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keys = new JdbcChildKeys(store, LocalKeyEncryptionKey.at(dir.resolve("kek"), true), Clock.systemUTC(),
                Duration.ofMinutes(5));
        serializer = new SealingSerializer(JacksonSerializer.defaultSerializer(), new Sealing(keys));
    }

    private static Shared shared() {
        return new Shared("share-1", CHILD, "school-a", "Worried about bruising seen in PE",
                List.of(new Person("Parent One", "PARENT_OR_CARER"), new Person("Visitor Two", "POSSIBLE_RISK")),
                new Voice("Said it happened at home", "told her teacher"), List.of("first note", "second note"),
                Map.of("school-a", "PUPIL-0001"), Instant.parse("2026-11-27T09:00:00.123456789Z"));
    }

    @Test
    void theStoredJson_keepsItsShape_butNoneOfThePersonalText() {
        SerializedObject<byte[]> stored = serializer.serialize(shared(), byte[].class);
        String json = new String(stored.getData(), StandardCharsets.UTF_8);

        assertThat(json).contains("\"shareId\":\"share-1\"", "\"childId\":\"" + CHILD + "\"",
                "\"senderAgency\":\"school-a\"", "\"role\":\"POSSIBLE_RISK\"", "\"purpose\":{\"$sealed\":\"v1.");
        assertThat(json).doesNotContain("bruising", "Parent One", "Visitor Two", "happened at home", "teacher",
                "first note", "PUPIL-0001");
        assertThat(stored.getType().getName()).isEqualTo(Shared.class.getName());

        assertThat((Shared) serializer.deserialize(stored)).isEqualTo(shared());
    }

    @Test
    void anEventWithoutPersonalText_isStoredAsItWas() {
        Acknowledged acknowledged = new Acknowledged("share-1", CHILD, "health-a");
        byte[] plain = JacksonSerializer.defaultSerializer().serialize(acknowledged, byte[].class).getData();

        assertThat(serializer.serialize(acknowledged, byte[].class).getData()).isEqualTo(plain);
    }

    @Test
    void eventsStoredBeforeSealing_readAsTheyWere_andTextThatLooksSealed_staysText() {
        Shared clear = new Shared("share-1", CHILD, "school-a", "{\"$sealed\":\"v1.x.y\"}", List.of(), null,
                List.of(), Map.of(), Instant.parse("2026-11-27T09:00:00Z"));
        SerializedObject<byte[]> storedBefore = JacksonSerializer.defaultSerializer().serialize(clear, byte[].class);

        assertThat((Shared) serializer.deserialize(storedBefore)).isEqualTo(clear);
        assertThat((Shared) serializer.deserialize(serializer.serialize(clear, byte[].class))).isEqualTo(clear);
    }

    @Test
    void onceTheChildIsErased_theEventStillReads_withItsTextSayingWhenItWasErased() {
        SerializedObject<byte[]> stored = serializer.serialize(shared(), byte[].class);
        keys.erase(CHILD, "retention ended", Instant.parse("2051-03-01T02:00:00Z"));

        Shared read = serializer.deserialize(new SimpleSerializedObject<>(stored.getData(), byte[].class,
                stored.getType()));

        String erased = "[erased on 2051-03-01: retention ended]";
        assertThat(read.purpose()).isEqualTo(erased);
        assertThat(read.people()).extracting(Person::name).containsExactly(erased, erased);
        assertThat(read.people()).extracting(Person::role).containsExactly("PARENT_OR_CARER", "POSSIBLE_RISK");
        assertThat(read.voice()).isEqualTo(new Voice(erased, erased));
        assertThat(read.notes()).containsExactly(erased, erased);
        assertThat(read.localIds()).containsEntry("school-a", erased);
        assertThat(read.shareId()).isEqualTo("share-1");
        assertThat(read.occurredAt()).isEqualTo(Instant.parse("2026-11-27T09:00:00.123456789Z"));
    }

    @Test
    void asStringToo_asAxonAsksForSomeMessages() {
        SerializedObject<String> stored = serializer.serialize(shared(), String.class);

        assertThat(stored.getData()).doesNotContain("bruising");
        assertThat((Shared) serializer.deserialize(stored)).isEqualTo(shared());
    }

    @Test
    void personalTextAboutNoChild_isRefused_notStoredInClear() {
        assertThatThrownBy(() -> serializer.serialize(new Nameless("words"), byte[].class))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("names no child");
    }
}
