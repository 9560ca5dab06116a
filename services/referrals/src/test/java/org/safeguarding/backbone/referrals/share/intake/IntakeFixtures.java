package org.safeguarding.backbone.referrals.share.intake;

import jakarta.validation.Validation;
import java.time.Duration;
import org.safeguarding.backbone.referrals.share.ShareFixtures;

/** The share intake as a plain object, for tests of what it refuses without a Spring context (it sends nothing). */
public final class IntakeFixtures {

    private IntakeFixtures() {
    }

    /** Checks drafts only: {@link ShareIntake#submit} would need a command gateway, and has none here. */
    public static ShareIntake checkingOnly() {
        return new ShareIntake(null, ShareFixtures.agencies(),
                Validation.buildDefaultValidatorFactory().getValidator(), ShareFixtures.plainLanguage(),
                Duration.ofDays(7));
    }
}
