package org.safeguarding.backbone.messaging.childkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.contracts.Contracts;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.ChildVoice;
import org.safeguarding.backbone.contracts.referrals.v1.Consent;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentStatus;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.RelatedPerson;
import org.safeguarding.backbone.contracts.referrals.v1.RelatedPersonRole;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.kernel.childkeys.JdbcChildKeys;
import org.safeguarding.backbone.kernel.childkeys.LocalKeyEncryptionKey;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;

/**
 * Issue 12 part 6 (R18): the records on the services' own topics carry each personal field sealed under the child's
 * key, so the bytes kept on a topic for 25 years hold none of what was said, and an erasure reaches them; a consumer
 * opens them back, or reads that they were erased, and when.
 */
class SealedRecordsTest {

    private static final String CHILD = "9990000034";
    private static final String SAID = "The child said they are afraid of going home on Fridays";
    private static final String PURPOSE = "Concern after a disclosure in class";
    private static final String PERSON = "Parent One (synthetic)";
    private static final String WISHES = "Wants to stay with the grandparent";
    private static final String LOCAL_ID = "MIS-000123";
    private static final String CONSENT_REASON = "Seeking consent would place the child at risk";
    private static final List<String> PERSONAL = List.of(SAID, PURPOSE, PERSON, WISHES, LOCAL_ID, CONSENT_REASON);

    @TempDir
    Path dir;

    private JdbcChildKeys keys;
    private SealedRecords records;

    @BeforeEach
    void aKeyStore() {
        keys = keyStore("records-keys-" + UUID.randomUUID());
        records = new SealedRecords(new Sealing(keys));
    }

    private JdbcChildKeys keyStore(String name) {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1");
        return new JdbcChildKeys(store, LocalKeyEncryptionKey.at(dir.resolve("kek"), true), Clock.systemUTC(),
                Duration.ofMinutes(5));
    }

    private static InformationShared aShare() {
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        return InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId("event-1").setChildId(CHILD).setOccurredAt(at)
                        .setRecordedAt(at).setActingAgency("school-a").setCorrelationId("share-1").build())
                .setShareId("share-1").setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a"))
                .setPurpose(PURPOSE)
                .setStatements(List.of(Statement.newBuilder().setText(SAID).setSource("the child").build()))
                .setRelatedPeople(List.of(RelatedPerson.newBuilder().setName(PERSON)
                        .setRole(RelatedPersonRole.PARENT_OR_CARER).setRelationship("mother").build()))
                .setConsent(Consent.newBuilder().setStatus(ConsentStatus.NOT_SOUGHT).setReason(CONSENT_REASON)
                        .setFamilyInformed(false).build())
                .setChildVoice(ChildVoice.newBuilder().setWishesAndFeelings(WISHES).build())
                .setChildLocalIds(Map.of("school-mis", LOCAL_ID))
                .build();
    }

    private static byte[] bytes(InformationShared share) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(out, null);
        new SpecificDatumWriter<>(InformationShared.class).write(share, encoder);
        encoder.flush();
        return out.toByteArray();
    }

    private static InformationShared read(byte[] bytes) throws IOException {
        return new SpecificDatumReader<>(InformationShared.class).read(null,
                DecoderFactory.get().binaryDecoder(bytes, null));
    }

    @Test
    void aRecordOnTheTopicHoldsNoneOfItsPersonalFields_andOpensBackAsItWas() throws IOException {
        InformationShared sealed = records.seal(CHILD, aShare());
        String onTheTopic = new String(bytes(sealed), StandardCharsets.UTF_8);

        assertThat(PERSONAL).allSatisfy(text -> assertThat(onTheTopic).doesNotContain(text));
        assertThat(onTheTopic).as("ids, agencies and the map's keys stay in clear")
                .contains("share-1", "school-a", "csc-a", "school-mis", CHILD);
        assertThat(sealed.getPurpose()).startsWith(SealedColumn.PREFIX + "v1." + keys.current(CHILD).keyId() + ".");

        InformationShared opened = records.open(read(bytes(sealed)));
        assertThat(opened).isEqualTo(aShare());
        assertThat(records.seal(CHILD, aShare()).getPurpose()).as("a fresh nonce each time")
                .isNotEqualTo(sealed.getPurpose());
    }

    @Test
    void aRecordWrittenBeforeSealing_opensAsItIs() throws IOException {
        assertThat(records.open(read(bytes(aShare())))).isEqualTo(aShare());
    }

    /**
     * What a practitioner writes is sealed whatever it looks like: a text that begins as a sealed value does is not
     * left in clear on the topic (where a consumer would take it for a sealed value that does not open, and
     * dead-letter the act), and opens back to itself.
     */
    @Test
    void aTextThatLooksSealed_isSealedLikeAnyOther_andOpensBackToItself() throws IOException {
        String looksSealed = SealedColumn.PREFIX + "v1.not-a-key.Parent says the child is afraid";
        InformationShared share = aShare();
        share.setPurpose(looksSealed);

        byte[] onTheTopic = bytes(records.seal(CHILD, share));

        assertThat(new String(onTheTopic, StandardCharsets.UTF_8)).doesNotContain("afraid");
        assertThat(records.open(read(onTheTopic)).getPurpose()).isEqualTo(looksSealed);
    }

    @Test
    void onceTheChildsKeysAreErased_theRecordKeepsItsShape_andEachPersonalFieldReadsAsErased() throws IOException {
        byte[] onTheTopic = bytes(records.seal(CHILD, aShare()));
        Instant erasedAt = Instant.now();
        keys.erase(CHILD, "retention ended", erasedAt);

        InformationShared opened = records.open(read(onTheTopic));

        String erased = "[erased on " + erasedAt.atOffset(ZoneOffset.UTC).toLocalDate() + ": retention ended]";
        assertThat(opened.getPurpose()).isEqualTo(erased);
        assertThat(opened.getStatements().get(0).getText()).isEqualTo(erased);
        assertThat(opened.getStatements().get(0).getSource()).isEqualTo(erased);
        assertThat(opened.getRelatedPeople().get(0).getName()).isEqualTo(erased);
        assertThat(opened.getRelatedPeople().get(0).getRole()).isEqualTo(RelatedPersonRole.PARENT_OR_CARER);
        assertThat(opened.getConsent().getReason()).isEqualTo(erased);
        assertThat(opened.getConsent().getStatus()).isEqualTo(ConsentStatus.NOT_SOUGHT);
        assertThat(opened.getChildVoice().getWishesAndFeelings()).isEqualTo(erased);
        assertThat(opened.getChildLocalIds()).containsExactly(Map.entry("school-mis", erased));
        assertThat(opened.getShareId()).isEqualTo("share-1");
        assertThat(opened.getRecipientAgencies()).containsExactly("csc-a");
    }

    @Test
    void anAlteredValue_canNeverBeActedOn_butOneFromAnotherKeyStore_isAFaultToPutRight() {
        InformationShared altered = records.seal(CHILD, aShare());
        String purpose = altered.getPurpose();
        char last = purpose.charAt(purpose.length() - 2);
        altered.setPurpose(purpose.substring(0, purpose.length() - 2) + (last == 'A' ? 'B' : 'A')
                + purpose.charAt(purpose.length() - 1));
        assertThatThrownBy(() -> records.open(altered)).isInstanceOf(UnprocessableRecord.class)
                .hasMessageContaining("does not open").hasMessageNotContaining(CHILD);

        SealedRecords elsewhere = new SealedRecords(new Sealing(keyStore("other-keys-" + UUID.randomUUID())));
        assertThatThrownBy(() -> elsewhere.open(records.seal(CHILD, aShare())))
                .isInstanceOf(Sealing.UnknownKey.class).hasMessageContaining("not the one it was sealed with");
    }

    /**
     * What the schemas mark personal can be sealed (texts, and arrays and maps of them), and each record that has a
     * personal field names its child in its envelope, whose key seals it.
     */
    @Test
    void everyPersonalFieldOfTheContracts_isAText_inARecordThatNamesItsChild() {
        List<String> problems = new ArrayList<>();
        List<String> personal = new ArrayList<>();
        for (Schema record : Contracts.records()) {
            if (!records.hasPersonalFields(record) || record.getNamespace().contains(".inbound.")) {
                continue;
            }
            if (record.getField("envelope") == null) {
                problems.add(record.getFullName() + " has personal fields but no envelope naming its child");
            }
            collect(record, record.getName(), personal, problems);
        }
        assertThat(problems).isEmpty();
        assertThat(personal).as("the fields sealed on the topics").contains("InformationShared.purpose",
                "InformationShared.statements.text", "InformationShared.childVoice.whatTheChildSaid",
                "InformationShared.relatedPeople.name", "FeedbackGiven.outcome", "TransferPackageSent.items.purpose",
                "ClarificationAnswered.answer");
    }

    private static void collect(Schema schema, String path, List<String> personal, List<String> problems) {
        switch (schema.getType()) {
            case RECORD -> schema.getFields().forEach(field -> {
                if (SealedRecords.isPersonal(field)) {
                    personal.add(path + "." + field.name());
                    if (!texts(field.schema())) {
                        problems.add(path + "." + field.name() + " is marked personal but is not a text");
                    }
                } else {
                    collect(field.schema(), path + "." + field.name(), personal, problems);
                }
            });
            case ARRAY -> collect(schema.getElementType(), path, personal, problems);
            case MAP -> collect(schema.getValueType(), path, personal, problems);
            case UNION -> schema.getTypes().forEach(type -> collect(type, path, personal, problems));
            default -> { }
        }
    }

    private static boolean texts(Schema schema) {
        return switch (schema.getType()) {
            case STRING, NULL -> true;
            case UNION -> schema.getTypes().stream().allMatch(SealedRecordsTest::texts);
            case ARRAY -> texts(schema.getElementType());
            case MAP -> texts(schema.getValueType());
            default -> false;
        };
    }
}
