package org.safeguarding.backbone.chronology.webhook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSettingsTest {

    private static final WebhookSettings SHIPPED = new WebhookSettings(Duration.ofSeconds(1), Duration.ofSeconds(10),
            Duration.ofHours(1), 10, Duration.ofSeconds(10), true, false, List.of());

    @Test
    void theWaitDoublesAfterEachFailure_upToTheLongest() {
        assertThat(SHIPPED.retryAfter(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SHIPPED.retryAfter(2)).isEqualTo(Duration.ofSeconds(20));
        assertThat(SHIPPED.retryAfter(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(SHIPPED.retryAfter(9)).isEqualTo(Duration.ofSeconds(2560));
        assertThat(SHIPPED.retryAfter(10)).isEqualTo(Duration.ofHours(1));
        assertThat(SHIPPED.retryAfter(10_000)).as("no overflow").isEqualTo(Duration.ofHours(1));
    }

    @Test
    void settingsThatCouldNotWorkAreRefusedAtStart() {
        assertThatThrownBy(() -> new WebhookSettings(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofSeconds(5), 10, Duration.ofSeconds(10), true, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("max-retry-after");
        assertThatThrownBy(() -> new WebhookSettings(Duration.ofSeconds(1), Duration.ofSeconds(10),
                Duration.ofHours(1), 0, Duration.ofSeconds(10), true, false, null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("suspend-after-failures");
    }
}
