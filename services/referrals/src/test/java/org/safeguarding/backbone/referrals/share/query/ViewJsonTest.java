package org.safeguarding.backbone.referrals.share.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.api.ShareContent;

/** The share view reads back what it wrote, and what version 0.1 wrote, as typed values. */
class ViewJsonTest {

    private final ViewJson.ContentConverter content = new ViewJson.ContentConverter();
    private final ViewJson.ThreadConverter thread = new ViewJson.ThreadConverter();

    @Test
    void contentAndThreadReadBackAsWritten() {
        ShareView.Content written = new ShareView.Content(List.of(ShareFixtures.fact("Absent 6 of 10 days")),
                ShareFixtures.details(), List.of(new PlainLanguageWarning("purpose", "LAC", "a child in care")));
        List<ShareView.ThreadEntry> entries = List.of(
                new ShareView.ThreadEntry(ShareView.ThreadEntry.Kind.QUESTION, "q-1", "csc-a", "Who?",
                        Instant.parse("2026-11-20T09:15:00Z"), List.of()),
                new ShareView.ThreadEntry(ShareView.ThreadEntry.Kind.ANSWER, "q-1", "school-a", "A sibling",
                        Instant.parse("2026-11-20T10:15:00Z"), List.of()));

        assertThat(content.convertToEntityAttribute(content.convertToDatabaseColumn(written))).isEqualTo(written);
        assertThat(thread.convertToEntityAttribute(thread.convertToDatabaseColumn(entries))).isEqualTo(entries);
    }

    @Test
    void noThreadYetIsAnEmptyThread_storedAsNothing() {
        assertThat(thread.convertToDatabaseColumn(List.of())).isNull();
        assertThat(thread.convertToEntityAttribute(null)).isEmpty();
    }

    @Test
    void aViewWrittenByVersion0_1Reads() {
        String thread01 = """
                [{"kind":"QUESTION","questionId":"q-1","agency":"csc-a","text":"Who?","at":"2026-11-20T09:15:00Z"}]""";
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

        assertThat(thread.convertToEntityAttribute(thread01)).singleElement()
                .satisfies(q -> assertThat(q.at()).isEqualTo(Instant.parse("2026-11-20T09:15:00Z")));
        ShareView.Content read = content.convertToEntityAttribute(content01);
        assertThat(read.details().consent().reviewFamilyInformedBy()).hasToString("2026-12-01");
        assertThat(read.details().urgency()).isEqualTo(ShareContent.Urgency.URGENT);
        assertThat(read.statements()).singleElement().extracting(ShareContent.Statement::text).isEqualTo("Absent");
    }
}
