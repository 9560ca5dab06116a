package org.safeguarding.backbone.kernel.childkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A child's content sealed under the child's key, opened again, and gone once the key is erased (R18). */
class ChildKeysTest {

    private static final String CHILD = "9990000018";
    private static final String OTHER_CHILD = "9990000026";
    private static final Instant T0 = Instant.parse("2026-11-27T09:00:00Z");

    @TempDir
    Path dir;

    private JdbcDataSource store;
    private LocalKeyEncryptionKey kek;
    private final AtomicReference<Instant> now = new AtomicReference<>(T0);
    private Clock clock;
    private JdbcChildKeys keys;
    private Sealing sealing;

    @BeforeEach
    void aKeyStore() {
        store = new JdbcDataSource();
        store.setURL("jdbc:h2:mem:keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        kek = LocalKeyEncryptionKey.at(dir.resolve("kek"), true);
        clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        keys = new JdbcChildKeys(store, kek, clock, Duration.ofMinutes(5));
        sealing = new Sealing(keys);
    }

    /**
     * A service that kept its keys in its own database before the four shared one store: what it sealed opens
     * through the shared store after the move, a key erased there is erased here, and no copy is left behind for an
     * erasure to miss. Moving again, or a store into itself, changes nothing.
     */
    @Test
    void keysKeptInAServicesOwnDatabase_moveToTheSharedStore_andLeaveNoCopyBehind() throws Exception {
        JdbcDataSource own = new JdbcDataSource();
        own.setURL("jdbc:h2:mem:own-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcChildKeys before = new JdbcChildKeys(own, kek, clock, Duration.ofMinutes(5));
        String sealedBefore = new Sealing(before).seal(CHILD, "said before the move");
        String erasedBefore = new Sealing(before).seal(OTHER_CHILD, "erased before the move");
        before.placeHold("hold-1", CHILD, LegalHold.Purpose.REVIEW, "Review 1", "partnership-a", T0);
        now.set(T0.plusSeconds(60));
        before.erase(OTHER_CHILD, "retention ended", now.get());

        assertThat(keys.adoptFrom(own)).isEqualTo(2);

        assertThat(sealing.open(sealedBefore)).isEqualTo("said before the move");
        assertThat(sealing.opened(erasedBefore).erased()).isTrue();
        assertThat(keys.openHolds(CHILD)).extracting(LegalHold::holdId).containsExactly("hold-1");
        assertThat(keys.lastErasures(List.of(OTHER_CHILD))).containsKey(OTHER_CHILD);
        try (Connection connection = own.getConnection();
             ResultSet rows = connection.createStatement().executeQuery("SELECT (SELECT COUNT(*) FROM child_key), "
                     + "(SELECT COUNT(*) FROM child_legal_hold), (SELECT COUNT(*) FROM child_erasure)")) {
            rows.next();
            assertThat(rows.getInt(1)).as("keys left in the service's own database").isZero();
            assertThat(rows.getInt(2) + rows.getInt(3)).as("holds and erasures left there, to look up at every start")
                    .isZero();
        }
        assertThat(keys.adoptFrom(own)).isZero();
        assertThat(keys.adoptFrom(store)).as("a store into itself").isZero();
        assertThat(sealing.open(sealedBefore)).isEqualTo("said before the move");
    }

    @Test
    void sealedTextHidesWhatItSays_andOpensToIt() {
        String sealed = sealing.seal(CHILD, "Child said she is frightened to go home");

        assertThat(sealed).startsWith("v1.").doesNotContain("frightened");
        assertThat(sealing.seal(CHILD, "Child said she is frightened to go home"))
                .as("a fresh nonce each time: equal texts do not seal alike").isNotEqualTo(sealed);
        assertThat(sealing.open(sealed)).isEqualTo("Child said she is frightened to go home");
        assertThat(sealing.open(sealing.seal(CHILD, ""))).isEmpty();
    }

    @Test
    void eachChildHasItsOwnKey_andASealedTextCannotBeMovedUnderAnother() {
        String sealed = sealing.seal(CHILD, "about the first child");
        String other = sealing.seal(OTHER_CHILD, "about the second child");
        String otherKey = other.split("\\.")[1];

        assertThat(sealed.split("\\.")[1]).isNotEqualTo(otherKey);
        String moved = "v1." + otherKey + "." + sealed.split("\\.")[2];
        assertThatThrownBy(() -> sealing.open(moved)).isInstanceOf(Sealing.Unreadable.class)
                .hasMessageContaining("does not open");
    }

    @Test
    void anAlteredSealedText_isRefused_notShown() {
        String sealed = sealing.seal(CHILD, "a statement");
        char last = sealed.charAt(sealed.length() - 2);
        String altered = sealed.substring(0, sealed.length() - 2) + (last == 'A' ? 'B' : 'A')
                + sealed.charAt(sealed.length() - 1);

        assertThatThrownBy(() -> sealing.open(altered)).isInstanceOf(Sealing.Unreadable.class);
        assertThatThrownBy(() -> sealing.open("v1." + UUID.randomUUID() + ".AAAA"))
                .isInstanceOf(Sealing.Unreadable.class).hasMessageContaining("does not hold");
        assertThatThrownBy(() -> sealing.open("plain words")).isInstanceOf(Sealing.Unreadable.class);
    }

    @Test
    void erasingAChild_leavesItsTextsInPlace_openingToWhenAndWhy_andNoOtherChildsTouched() {
        String sealed = sealing.seal(CHILD, "a statement");
        String other = sealing.seal(OTHER_CHILD, "another child's statement");
        Instant erasedAt = Instant.parse("2051-03-01T02:00:00Z");

        ChildKeys.Erasure erasure = keys.erase(CHILD, "retention ended", erasedAt);

        assertThat(erasure.keysDestroyed()).isEqualTo(1);
        assertThat(sealing.open(sealed)).isEqualTo("[erased on 2051-03-01: retention ended]");
        assertThat(Sealing.isErasedText(sealing.open(sealed))).isTrue();
        assertThat(sealing.open(other)).isEqualTo("another child's statement");
        assertThat(wrappedKeys(CHILD)).as("nothing left to unwrap").containsOnlyNulls();

        String later = sealing.seal(CHILD, "something said after the erasure");
        assertThat(sealing.open(later)).as("a new key for what comes later").isEqualTo("something said after the erasure");
        assertThat(sealing.open(sealed)).startsWith("[erased on");
    }

    @Test
    void anErasureDeliveredAgain_destroysNoKeyMadeAfterIt() {
        String before = sealing.seal(CHILD, "said before the erasure");
        Instant erasedAt = T0.plusSeconds(60);
        keys.erase(CHILD, "retention ended", erasedAt);
        now.set(T0.plusSeconds(120));
        String after = sealing.seal(CHILD, "recorded after the erasure");

        assertThat(keys.erase(CHILD, "retention ended", erasedAt).keysDestroyed()).isZero();
        assertThat(keys.lastErasures(List.of(CHILD, OTHER_CHILD))).containsOnlyKeys(CHILD)
                .hasEntrySatisfying(CHILD, erased -> assertThat(erased.erasedAt()).isEqualTo(erasedAt));
        assertThat(keys.lastErasures(List.of())).isEmpty();
        Instant never = T0.plusSeconds(90);
        assertThat(keys.erase(OTHER_CHILD, "order", never).keysDestroyed()).as("a child with no key here").isZero();
        assertThat(keys.lastErasures(List.of(OTHER_CHILD))).as("is recorded as erased all the same")
                .hasEntrySatisfying(OTHER_CHILD, erased -> assertThat(erased.erasedAt()).isEqualTo(never));

        assertThat(sealing.open(before)).startsWith("[erased on");
        assertThat(sealing.open(after)).isEqualTo("recorded after the erasure");
    }

    @Test
    void aLegalHoldSuspendsErasure_untilReleased() {
        String sealed = sealing.seal(CHILD, "a statement");
        LegalHold hold = keys.placeHold("hold-1", CHILD, LegalHold.Purpose.REVIEW, "CSPR-0001", "partnership-a", T0);
        LegalHold second = keys.placeHold("hold-2", CHILD, LegalHold.Purpose.PROCEEDINGS, "case 0002",
                "partnership-a", T0);
        assertThat(keys.placeHold("hold-1", CHILD, LegalHold.Purpose.REVIEW, "CSPR-0001", "partnership-a",
                T0.plusSeconds(30))).as("delivered again: placed once").isEqualTo(hold);

        assertThatThrownBy(() -> keys.erase(CHILD, "retention ended", T0.plusSeconds(60)))
                .isInstanceOf(ChildKeys.UnderLegalHold.class).hasMessageContaining("CSPR-0001")
                .hasMessageContaining("legal hold");
        assertThat(sealing.open(sealed)).isEqualTo("a statement");

        assertThat(keys.releaseHold(hold.holdId(), "partnership-a", T0.plusSeconds(120))).get()
                .satisfies(released -> assertThat(released.isOpen()).isFalse());
        assertThat(keys.releaseHold(hold.holdId(), "partnership-a", T0.plusSeconds(130))).as("released once").isEmpty();
        assertThat(keys.openHolds(CHILD)).extracting(LegalHold::holdId).containsExactly(second.holdId());
        assertThatThrownBy(() -> keys.erase(CHILD, "retention ended", T0.plusSeconds(180)))
                .isInstanceOf(ChildKeys.UnderLegalHold.class);

        keys.releaseHold(second.holdId(), "partnership-a", T0.plusSeconds(200));
        keys.erase(CHILD, "retention ended", T0.plusSeconds(240));
        assertThat(sealing.open(sealed)).startsWith("[erased on");
    }

    @Test
    void anotherProcessSharingTheStore_seesAnErasure_oncePastItsCache() {
        JdbcChildKeys elsewhere = new JdbcChildKeys(store, kek, clock, Duration.ofMinutes(5));
        Sealing sealingElsewhere = new Sealing(elsewhere);
        String sealed = sealing.seal(CHILD, "a statement");
        assertThat(sealingElsewhere.open(sealed)).isEqualTo("a statement");

        keys.erase(CHILD, "retention ended", T0);
        now.set(T0.plus(Duration.ofMinutes(5)).plusSeconds(1));

        assertThat(sealingElsewhere.open(sealed)).startsWith("[erased on");
        assertThat(sealingElsewhere.seal(CHILD, "new").split("\\.")[1]).isNotEqualTo(sealed.split("\\.")[1]);
    }

    /**
     * A process keeps at most its cache's size of keys in memory (a backbone hears of ever more children): one
     * dropped is read from the store again when next needed, so it opens as before, and an erasure made elsewhere
     * meanwhile is seen at once.
     */
    @Test
    void aProcessKeepsOnlyAsManyKeysAsItsCacheHolds_andReadsOneItDroppedFromTheStoreAgain() {
        JdbcChildKeys small = new JdbcChildKeys(store, kek, clock, Duration.ofMinutes(5), 2);
        Sealing sealingSmall = new Sealing(small);
        List<String> children = List.of(CHILD, OTHER_CHILD, "9990000034");
        List<String> sealed = children.stream().map(child -> sealingSmall.seal(child, "said of " + child)).toList();

        for (int i = 0; i < children.size(); i++) {
            assertThat(sealingSmall.open(sealed.get(i))).isEqualTo("said of " + children.get(i));
        }
        // the first child's key was dropped for the third's: an erasure by another process is seen without waiting
        // out the five minutes a cached key would be kept
        keys.erase(CHILD, "retention ended", T0);
        assertThat(sealingSmall.open(sealed.get(0))).startsWith("[erased on");
        assertThat(sealingSmall.open(sealed.get(2))).isEqualTo("said of 9990000034");
        assertThatThrownBy(() -> new JdbcChildKeys(store, kek, clock, Duration.ofMinutes(5), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStoreHoldsOnlyWrappedKeys_thatAnotherKeyEncryptionKeyCannotOpen() throws Exception {
        String sealed = sealing.seal(CHILD, "a statement");
        byte[] wrapped = wrappedKeys(CHILD).get(0);
        assertThat(wrapped).hasSizeGreaterThan(32);

        JdbcChildKeys withAnotherKek = new JdbcChildKeys(store,
                LocalKeyEncryptionKey.at(dir.resolve("another-kek"), true), clock, Duration.ofMinutes(5));
        assertThatThrownBy(() -> new Sealing(withAnotherKek).open(sealed)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("wrapped by key-encryption key");
    }

    @Test
    void theLocalKeyEncryptionKey_isMadeOnlyWhereAllowed_readableByItsOwnerAlone_andTheSameEachStart()
            throws Exception {
        Path path = dir.resolve("keys/kek");
        assertThatThrownBy(() -> LocalKeyEncryptionKey.at(path, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("backbone.child-keys.key-encryption-key");
        assertThat(path).doesNotExist();

        LocalKeyEncryptionKey made = LocalKeyEncryptionKey.at(path, true);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(path))).isEqualTo("rw-------");
        LocalKeyEncryptionKey again = LocalKeyEncryptionKey.at(path, false);
        byte[] context = "ctx".getBytes(StandardCharsets.US_ASCII);
        assertThat(again.id()).isEqualTo(made.id());
        assertThat(again.unwrap(made.wrap(new byte[32], context), context)).isEqualTo(new byte[32]);
        assertThatThrownBy(() -> again.unwrap(made.wrap(new byte[32], context), "other".getBytes()))
                .isInstanceOf(IllegalStateException.class);

        Files.write(dir.resolve("short"), new byte[16]);
        assertThatThrownBy(() -> LocalKeyEncryptionKey.at(dir.resolve("short"), false))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("16 bytes");
    }

    record Voice(@Personal String whatTheChildSaid, String recordedBy) {
    }

    record Person(@Personal String name, String role) {
    }

    record Shared(String childId, @Personal String purpose, List<Person> people, Map<String, Voice> voices,
                  @Personal List<String> notes, Voice voice, int count) {
    }

    record Plain(String childId, String agency) {
    }

    record Wrong(@Personal Person person) {
    }

    record Reply(@Personal String text, List<Reply> replies) {
    }

    @Test
    void personalPaths_followRecordsListsAndMaps_toTheMarkedText() {
        PersonalPaths paths = PersonalPaths.of(Shared.class);

        assertThat(paths.fields().keySet()).containsExactlyInAnyOrder("purpose", "people", "voices", "notes", "voice");
        assertThat(paths.fields().get("purpose")).isEqualTo(
                new PersonalPaths.Field(PersonalPaths.Shape.VALUE, true, paths.fields().get("purpose").nested()));
        assertThat(paths.fields().get("notes").shape()).isEqualTo(PersonalPaths.Shape.EACH_ELEMENT);
        assertThat(paths.fields().get("people").sealed()).isFalse();
        assertThat(paths.fields().get("people").nested().fields()).containsOnlyKeys("name");
        assertThat(paths.fields().get("voices").shape()).isEqualTo(PersonalPaths.Shape.EACH_VALUE);
        assertThat(paths.fields().get("voice").nested().fields()).containsOnlyKeys("whatTheChildSaid");
        assertThat(PersonalPaths.of(Plain.class).isEmpty()).isTrue();
        assertThat(PersonalPaths.of(String.class).isEmpty()).isTrue();
        assertThatThrownBy(() -> PersonalPaths.of(Wrong.class)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Wrong.person").hasMessageContaining("only text");
        assertThatThrownBy(() -> PersonalPaths.of(Reply.class)).as("text nested without end would escape sealing")
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("contains itself");
    }

    private List<byte[]> wrappedKeys(String childId) {
        try (Connection connection = store.getConnection();
             var select = connection.prepareStatement("SELECT wrapped_key FROM child_key WHERE child_id = ?")) {
            select.setString(1, childId);
            List<byte[]> all = new java.util.ArrayList<>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    all.add(rows.getBytes(1));
                }
            }
            return all;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
