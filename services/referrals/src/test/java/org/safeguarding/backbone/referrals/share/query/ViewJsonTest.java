package org.safeguarding.backbone.referrals.share.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareContent;

/** The share view's JSON columns read back what they wrote, and what version 0.1 wrote, as typed values. */
class ViewJsonTest {

    private final ViewJson.ContentConverter content = new ViewJson.ContentConverter();
    private final ViewJson.WarningsConverter warnings = new ViewJson.WarningsConverter();

    @Test
    void contentAndThreadWarningsReadBackAsWritten() {
        ShareView.Content written = new ShareView.Content(List.of(ShareFixtures.fact("Absent 6 of 10 days")),
                ShareFixtures.details(), List.of(new PlainLanguageWarning("purpose", "LAC", "a child in care")));
        List<PlainLanguageWarning> found = List.of(new PlainLanguageWarning("question", "CIN", "a child in need"));

        assertThat(content.convertToEntityAttribute(content.convertToDatabaseColumn(written))).isEqualTo(written);
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

        ShareView.Content read = content.convertToEntityAttribute(content01);
        assertThat(read.details().consent().reviewFamilyInformedBy()).hasToString("2026-12-01");
        assertThat(read.details().urgency()).isEqualTo(ShareContent.Urgency.URGENT);
        assertThat(read.statements()).singleElement().extracting(ShareContent.Statement::text).isEqualTo("Absent");
    }
}
