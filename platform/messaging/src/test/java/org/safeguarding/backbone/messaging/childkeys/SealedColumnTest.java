package org.safeguarding.backbone.messaging.childkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.kernel.childkeys.JdbcChildKeys;
import org.safeguarding.backbone.kernel.childkeys.LocalKeyEncryptionKey;
import org.safeguarding.backbone.kernel.childkeys.Personal;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Issue 12 part 6 (R18): a view's column holds a child's content only sealed under the child's key, reads it back
 * with the child it is about, reads a value written before views were sealed as it was, reads as erased once the
 * child's keys are erased, and reports a value that was altered instead of reading it as something else.
 */
class SealedColumnTest {

    private static final String CHILD = "9990000018";
    private static final String OTHER_CHILD = "9990000026";
    private static final String SAID = "The child said they are afraid of going home on Fridays";

    @TempDir
    Path dir;

    private JdbcChildKeys keys;
    private SealedColumn.Text text;
    private SealedColumn.Json<Said> structure;

    /** A structure a view keeps in one column: who said it stays in clear, what was said and of whom is sealed. */
    record Said(String agency, @Personal String text, List<Person> people) {
    }

    record Person(@Personal String name, String role) {
    }

    private static final Said SAID_WITH_PEOPLE = new Said("school-a", SAID,
            List.of(new Person("Parent One (synthetic)", "PARENT")));

    @BeforeEach
    void aKeyStore() {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:mem:column-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        keys = new JdbcChildKeys(store, LocalKeyEncryptionKey.at(dir.resolve("kek"), true), Clock.systemUTC(),
                Duration.ofMinutes(5));
        Sealing sealing = new Sealing(keys);
        text = new SealedColumn.Text(sealing);
        structure = new SealedColumn.Json<Said>(sealing, JsonMapper.builder().build(), Said.class,
                new TypeReference<Said>() { }) { };
    }

    @Test
    void aValueIsStoredSealedUnderItsChildsKey_andReadsBackWithItsChild() {
        String stored = text.convertToDatabaseColumn(ChildContent.of(CHILD, SAID));

        assertThat(stored).startsWith(SealedColumn.PREFIX + "v1." + keys.current(CHILD).keyId() + ".")
                .doesNotContain("afraid", CHILD);
        assertThat(text.convertToEntityAttribute(stored)).isEqualTo(ChildContent.of(CHILD, SAID));
        assertThat(text.convertToDatabaseColumn(ChildContent.of(CHILD, SAID))).as("a fresh nonce each time")
                .isNotEqualTo(stored);
        String storedStructure = structure.convertToDatabaseColumn(ChildContent.of(OTHER_CHILD, SAID_WITH_PEOPLE));
        assertThat(storedStructure).contains("\"agency\":\"school-a\"", "\"role\":\"PARENT\"", "{\"$sealed\":\"v1.")
                .doesNotContain("afraid", "Parent One", OTHER_CHILD);
        assertThat(structure.convertToEntityAttribute(storedStructure))
                .isEqualTo(ChildContent.of(OTHER_CHILD, SAID_WITH_PEOPLE));
    }

    @Test
    void nothingIsStoredAsNothing() {
        assertThat(ChildContent.of(CHILD, null)).isNull();
        assertThat(text.convertToDatabaseColumn(null)).isNull();
        assertThat(text.convertToEntityAttribute(null)).isNull();
        assertThat(ChildContent.valueOf(text.convertToEntityAttribute(null))).isNull();
    }

    @Test
    void aValueWrittenBeforeViewsWereSealed_readsAndIsWrittenAgainAsItWas() {
        String json = "{\"agency\":\"school-a\",\"text\":\"Written in clear\",\"people\":[]}";
        ChildContent<Said> clear = structure.convertToEntityAttribute(json);
        assertThat(clear.value()).isEqualTo(new Said("school-a", "Written in clear", List.of()));
        assertThat(clear.childId()).isNull();
        assertThat(structure.convertToDatabaseColumn(clear)).isEqualTo(json);

        ChildContent<String> before = text.convertToEntityAttribute("Written in 2026, before sealing");

        assertThat(before.value()).isEqualTo("Written in 2026, before sealing");
        assertThat(before.childId()).isNull();
        assertThat(text.convertToDatabaseColumn(before)).isEqualTo("Written in 2026, before sealing");
    }

    @Test
    void onceTheChildsKeysAreErased_theStoredValueReadsAsErased_andAnotherChildsStillOpens() {
        String stored = text.convertToDatabaseColumn(ChildContent.of(CHILD, SAID));
        String storedStructure = structure.convertToDatabaseColumn(ChildContent.of(CHILD, SAID_WITH_PEOPLE));
        String others = text.convertToDatabaseColumn(ChildContent.of(OTHER_CHILD, SAID));

        keys.erase(CHILD, "retention ended", Instant.parse("2051-03-01T02:00:00Z"));

        ChildContent<String> erased = text.convertToEntityAttribute(stored);
        assertThat(erased.value()).isEqualTo("[erased on 2051-03-01: retention ended]");
        assertThat(erased.erased()).isTrue();
        assertThat(erased.childId()).isEqualTo(CHILD);
        assertThat(text.convertToDatabaseColumn(erased)).as("what it reads as holds nothing of the child's")
                .isEqualTo("[erased on 2051-03-01: retention ended]");
        ChildContent<Said> erasedStructure = structure.convertToEntityAttribute(storedStructure);
        assertThat(erasedStructure.value()).as("the same shape, each personal text saying when it was erased")
                .isEqualTo(new Said("school-a", "[erased on 2051-03-01: retention ended]",
                        List.of(new Person("[erased on 2051-03-01: retention ended]", "PARENT"))));
        assertThat(erasedStructure.erased()).isTrue();
        assertThat(erasedStructure.childId()).isEqualTo(CHILD);
        assertThat(text.convertToEntityAttribute(others).value()).isEqualTo(SAID);
    }

    @Test
    void aValueAltered_orSealedUnderAnotherKeyStore_isReported_notReadAsSomethingElse() {
        String stored = text.convertToDatabaseColumn(ChildContent.of(CHILD, SAID));
        char last = stored.charAt(stored.length() - 1);
        String altered = stored.substring(0, stored.length() - 1) + (last == 'A' ? 'B' : 'A');

        assertThatThrownBy(() -> text.convertToEntityAttribute(altered)).isInstanceOf(Sealing.Unreadable.class)
                .hasMessageContaining("does not open");
        assertThatThrownBy(() -> text.convertToEntityAttribute(SealedColumn.PREFIX + "v1."
                + UUID.randomUUID() + ".AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))
                .isInstanceOf(Sealing.Unreadable.class).hasMessageContaining("does not hold");
    }

    @Test
    void neitherTheValueNorTheChildIsInWhatMayBeLogged() {
        assertThat(ChildContent.of(CHILD, SAID).toString()).doesNotContain(CHILD, "afraid");
    }
}
