package org.safeguarding.backbone.chronology.webhook.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/**
 * Recording an act asks the database for webhooks only when one of its parties may have one: the registered
 * agencies are read at most every two seconds, one registered here counts at once, and one registered elsewhere from
 * the next read.
 */
class WebhookAgenciesTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T09:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final WebhookRegistrations registrations = mock(WebhookRegistrations.class);
    private final WebhookAgencies agencies = new WebhookAgencies(registrations, clock);

    private void later(Duration by) {
        now.set(now.get().plus(by));
    }

    @Test
    void theRegisteredAgenciesAreReadOnceAWhile_notForEveryAct() {
        when(registrations.agencies()).thenReturn(List.of("csc-a"));

        assertThat(agencies.anyMayHave(Set.of("school-a", "csc-a"))).isTrue();
        assertThat(agencies.anyMayHave(Set.of("school-a", "gp-a"))).isFalse();
        later(Duration.ofMillis(1900));
        assertThat(agencies.anyMayHave(Set.of("gp-a"))).isFalse();
        verify(registrations, times(1)).agencies();

        // gp-a registers through another instance: counted from the next read
        when(registrations.agencies()).thenReturn(List.of("csc-a", "gp-a"));
        later(Duration.ofMillis(100));
        assertThat(agencies.anyMayHave(Set.of("gp-a"))).isTrue();
        verify(registrations, times(2)).agencies();
    }

    @Test
    void anAgencyRegisteredHereCountsAtOnce_evenBeforeTheNextReadFindsIt() {
        when(registrations.agencies()).thenReturn(List.of());
        assertThat(agencies.anyMayHave(Set.of("police-a"))).isFalse();

        agencies.registered("police-a");
        assertThat(agencies.anyMayHave(Set.of("police-a"))).isTrue();
        // a read begun before its registration committed does not forget it
        later(Duration.ofSeconds(2));
        assertThat(agencies.anyMayHave(Set.of("police-a"))).isTrue();

        // withdrawn (or never committed): gone once reads have had time to see it
        later(Duration.ofSeconds(3));
        assertThat(agencies.anyMayHave(Set.of("police-a"))).isFalse();
    }
}
