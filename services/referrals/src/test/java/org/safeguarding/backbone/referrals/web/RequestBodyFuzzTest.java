package org.safeguarding.backbone.referrals.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.referrals.share.intake.IntakeFixtures;
import org.safeguarding.backbone.referrals.share.intake.ShareDraft;
import org.safeguarding.backbone.referrals.share.intake.ShareIntake;
import org.safeguarding.backbone.testsupport.RequestBodies;

/**
 * Coverage-guided fuzzing (Jazzer) of the JSON bodies of the referrals service's command endpoints (issue 12, part 4),
 * read and checked as the service does ({@link RequestBodies}), without a Spring context: whatever the bytes, a body
 * is refused as malformed (400), or read and validated (400 with each violation), and a share is then checked against
 * the rules of sharing and for plain language as {@code POST /api/shares/check} does; nothing else may be thrown,
 * since the service would answer that with 500. The whole request path (filters, security, the command) is tried by
 * the structure-aware bodies of {@code AuthorizationMatrixTest}; this reaches what the bytes reach, deeper.
 *
 * <p>In the normal build it replays the inputs kept beside it ({@code src/test/resources/.../RequestBodyFuzzTestInputs}:
 * the README's example share, and every input that ever failed); to fuzz, five minutes each:
 * {@code JAZZER_FUZZ=1 ./mvnw test -pl services/referrals -Dtest=RequestBodyFuzzTest -Dfuzz.tests=none}.
 */
class RequestBodyFuzzTest {

    private static final List<Class<?>> BODIES = RequestBodies.under("org.safeguarding.backbone.referrals");
    private static final ShareIntake INTAKE = IntakeFixtures.checkingOnly();

    @FuzzTest(maxDuration = "5m")
    void aShareBody_isRefusedOrReadAndChecked_neverFailing(byte[] json) {
        RequestBodies.read(json, ShareDraft.class).ifPresent(draft -> {
            RequestBodies.validate(draft);
            ShareIntake.Review review = INTAKE.review(draft, "school-a");
            assertThat(review.problems()).allSatisfy(problem -> {
                assertThat(problem.type()).isNotBlank();
                assertThat(problem.message()).isNotBlank();
            });
            assertThat(review.plainLanguageWarnings()).isNotNull();
        });
    }

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
