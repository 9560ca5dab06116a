package org.safeguarding.backbone.referrals.share.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.safeguarding.backbone.kernel.childkeys.JdbcChildKeys;
import org.safeguarding.backbone.kernel.childkeys.LocalKeyEncryptionKey;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareContent;

/**
 * The share view's JSON columns read back what they wrote (sealed under the child's key), and what version 0.1 wrote
 * in clear, as typed values.
 */
class ViewJsonTest {

    private static final String CHILD = "9990000018";

    @TempDir
    static Path dir;

    private static Sealing sealing;
    private final ViewJson.ContentConverter content = new ViewJson.ContentConverter(sealing);
    private final ViewJson.WarningsConverter warnings = new ViewJson.WarningsConverter();

    @BeforeAll
    static void aKeyStore() {
        JdbcDataSource store = new JdbcDataSource();
        store.setURL("jdbc:h2:mem:view-json-keys-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        sealing = new Sealing(new JdbcChildKeys(store, LocalKeyEncryptionKey.at(dir.resolve("kek"), true),
                Clock.systemUTC(), Duration.ofMinutes(5)));
    }

    @Test
    void contentAndThreadWarningsReadBackAsWritten() {
        ShareView.Content written = new ShareView.Content(List.of(ShareFixtures.fact("Absent 6 of 10 days")),
                ShareFixtures.details(), List.of(new PlainLanguageWarning("purpose", "LAC", "a child in care")));
        List<PlainLanguageWarning> found = List.of(new PlainLanguageWarning("question", "CIN", "a child in need"));

        String stored = content.convertToDatabaseColumn(ChildContent.of(CHILD, written));
        assertThat(stored).contains("{\"$sealed\":\"v1.", "\"LAC\"").doesNotContain("Absent", "Parent One");
        assertThat(content.convertToEntityAttribute(stored)).isEqualTo(ChildContent.of(CHILD, written));
        assertThat(warnings.convertToEntityAttribute(warnings.convertToDatabaseColumn(found))).isEqualTo(found);
    }

    @Test
    void noWarningsAreStoredAsNothing() {
        assertThat(warnings.convertToDatabaseColumn(List.of())).isNull();
        assertThat(warnings.convertToEntityAttribute(null)).isEmpty();
    }

    @Test
    void aViewWrittenByVersion0_1Reads() {
        String content01 = """
                {"statements":[{"text":"Absent","kind":"FACT","currency":"CURRENT","historicalRelevance":null,
                "source":"Register","verification":"UNVERIFIED","verifiedBy":null}],
                "details":{"senderPractitioner":"A. Teacher (synthetic)","senderRole":"DSL","recipientTeams":{},
                "childLocalIds":{},"relatedPeople":[],"lawfulBasis":"Children Act 1989 s.47",
                "category":"EXPOSURE_TO_HARM","consent":{"status":"NOT_SOUGHT","reason":"Would alert the adult",
                "safeguardingJustification":"Risk of harm","familyInformed":false,
                "familyNotInformedReason":"Would increase risk","reviewFamilyInformedBy":"2026-12-01"},
                "principles":[],"childVoice":{"wishesAndFeelings":null,"whatTheChildSaid":"Home is scary",
                "circumstances":null,"howDisclosed":null,"notObtainedReason":null},"urgency":"URGENT",
                "channel":"PHONE"},"plainLanguageWarnings":[]}""";

        ChildContent<ShareView.Content> column = content.convertToEntityAttribute(content01);
        assertThat(column.childId()).as("written before views were sealed: its child unknown to the column").isNull();
        assertThat(content.convertToDatabaseColumn(column)).as("so written again as it was, in clear")
                .contains("\"text\":\"Absent\"", "\"whatTheChildSaid\":\"Home is scary\"");
        ShareView.Content read = column.value();
        assertThat(read.details().consent().reviewFamilyInformedBy()).hasToString("2026-12-01");
        assertThat(read.details().urgency()).isEqualTo(ShareContent.Urgency.URGENT);
        assertThat(read.statements()).singleElement().extracting(ShareContent.Statement::text).isEqualTo("Absent");
    }
}
