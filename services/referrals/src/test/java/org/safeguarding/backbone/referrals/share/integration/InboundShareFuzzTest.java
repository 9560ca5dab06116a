package org.safeguarding.backbone.referrals.share.integration;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Coverage-guided fuzzing (Jazzer) of what an agency may put on its inbound topic (issue 12): a valid request with
 * bytes changed, or any bytes at all. In the normal build it replays the inputs kept beside it
 * ({@code src/test/resources/.../InboundShareFuzzTestInputs}: the valid request, and every input that ever failed);
 * to fuzz, for five minutes: {@code JAZZER_FUZZ=1 ./mvnw test -pl services/referrals -Dtest=InboundShareFuzzTest -Dfuzz.tests=none}.
 */
class InboundShareFuzzTest {

    @FuzzTest(maxDuration = "5m")
    void anythingAnAgencySends_isDecodedAndReadOrRefused_neverLeftFailing(FuzzedDataProvider data) {
        String key = data.consumeBoolean() ? "9990000115" : data.consumeString(40);
        byte[] bytes;
        if (data.consumeBoolean()) {
            int[][] changes = new int[data.consumeInt(1, 8)][];
            for (int i = 0; i < changes.length; i++) {
                changes[i] = new int[] {data.consumeInt(), data.consumeByte()};
            }
            bytes = InboundRecords.mutated(changes);
        } else {
            bytes = data.consumeRemainingAsBytes();
        }
        InboundRecords.check(bytes, key);
    }
}
