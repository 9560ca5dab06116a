package org.safeguarding.backbone.chronology.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.testsupport.RequestBodies;

/**
 * Coverage-guided fuzzing (Jazzer) of the JSON bodies of the chronology service's command endpoints (issue 12, part 4), read and
 * validated as the service does ({@link RequestBodies}), without a Spring context: whatever the bytes, a body is
 * refused as malformed (400) or read and validated (400 with each violation); nothing else may be thrown, since the
 * service would answer that with 500. The whole request path is tried by the structure-aware bodies of
 * {@code AuthorizationMatrixTest}.
 *
 * <p>In the normal build it replays the inputs kept beside it ({@code src/test/resources/.../RequestBodyFuzzTestInputs}:
 * a valid body of the main commands, and every input that ever failed); to fuzz for five minutes:
 * {@code JAZZER_FUZZ=1 ./mvnw test -pl services/chronology -Dtest=RequestBodyFuzzTest -Dfuzz.tests=none}.
 */
class RequestBodyFuzzTest {

    private static final List<Class<?>> BODIES = RequestBodies.under("org.safeguarding.backbone.chronology");

    @Test
    void theKeptInputs_eachPickTheBodyTheyAreNamedAfter() {
        assertThat(RequestBodies.checkKeptInputs(RequestBodyFuzzTest.class,
                "everyCommandBody_isRefusedOrReadAndValidated_neverFailing", BODIES)).isPositive();
    }

    /** The first byte picks the body ({@link RequestBodies#readAndValidate}), the rest is its JSON. */
    @FuzzTest(maxDuration = "5m")
    void everyCommandBody_isRefusedOrReadAndValidated_neverFailing(byte[] input) {
        RequestBodies.readAndValidate(input, BODIES);
    }
}
