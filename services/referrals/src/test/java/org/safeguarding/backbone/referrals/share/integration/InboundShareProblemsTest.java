package org.safeguarding.backbone.referrals.share.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.referrals.v1.RejectionReason;
import org.safeguarding.backbone.referrals.share.ShareFixtures;
import org.safeguarding.backbone.referrals.share.intake.IntakeFixtures;

/**
 * A request refused over Kafka names each problem's field as the record it was sent in does, where the HTTP body
 * nests it otherwise: the sending system finds it in what it sent.
 */
class InboundShareProblemsTest {

    private static final InboundShareListener LISTENER = new InboundShareListener(IntakeFixtures.checkingOnly(),
            null, ShareFixtures.agencies(), null);

    @Test
    void aRequestWithoutItsSender_andWithABadNhsNumber_namesTheRecordsFields() {
        InboundShareListener.Interpreted read = LISTENER.interpret("police-a", InboundShareTest.request("r-1")
                .setSenderPractitioner(null).setSenderRole(null)
                .setChildNhsNumber("9990000019")
                .setChildLocalIds(Map.of("police-a-crime-ref", "x".repeat(201)))
                .build());

        assertThat(read.problems()).extracting(RejectionReason::getField).containsExactlyInAnyOrder(
                "senderPractitioner", "childNhsNumber", "childLocalIds[police-a-crime-ref]");
    }

    @Test
    void fieldsTheRecordNamesAlike_areLeftAsTheyAre() {
        assertThat(InboundShareListener.recordField("sender.role")).isEqualTo("senderRole");
        assertThat(InboundShareListener.recordField("sender")).isEqualTo("senderPractitioner");
        assertThat(InboundShareListener.recordField("child.localIds[police-a-crime-ref]"))
                .isEqualTo("childLocalIds[police-a-crime-ref]");
        assertThat(InboundShareListener.recordField("recipients[0].agency")).isEqualTo("recipients[0].agency");
        assertThat(InboundShareListener.recordField("consent.safeguardingJustification"))
                .isEqualTo("consent.safeguardingJustification");
        assertThat(InboundShareListener.recordField(null)).isNull();
    }
}
