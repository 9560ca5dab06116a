package org.safeguarding.backbone.chronology.webhook.process;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The agencies that may have a webhook, read from the registrations at most every {@link #READ_EVERY}, so that
 * recording an act asks the database only when one of its parties may have one (asking for every act was a tenth of
 * the chronology's CPU, docs/benchmarks.md). A superset: an agency registered here counts at once, before the next
 * read; one withdrawn counts until it (and then its registration is looked up and not found). A registration made
 * through another instance of the chronology counts from that instance's next read, within {@link #READ_EVERY}.
 */
@Component
class WebhookAgencies {

    static final Duration READ_EVERY = Duration.ofSeconds(2);

    private record Read(Set<String> agencies, Instant at) {
    }

    private final WebhookRegistrations registrations;
    private final Clock clock;
    private final Map<String, Instant> registeredHere = new ConcurrentHashMap<>();
    private volatile Read read;

    @Autowired
    WebhookAgencies(WebhookRegistrations registrations) {
        this(registrations, Clock.systemUTC());
    }

    WebhookAgencies(WebhookRegistrations registrations, Clock clock) {
        this.registrations = registrations;
        this.clock = clock;
    }

    /** Whether any of {@code parties} may have a webhook. */
    boolean anyMayHave(Set<String> parties) {
        Set<String> agencies = agencies();
        return parties.stream().anyMatch(agencies::contains);
    }

    /** {@code agency} registered a webhook here (its transaction may not have committed yet). */
    void registered(String agency) {
        registeredHere.put(agency, clock.instant());
    }

    private Set<String> agencies() {
        Instant now = clock.instant();
        Read last = read;
        if (last == null || !now.isBefore(last.at().plus(READ_EVERY))) {
            last = new Read(Set.copyOf(registrations.agencies()), now);
            read = last;
            // a registration made here is surely in a read begun well after it committed
            registeredHere.values().removeIf(at -> at.plus(READ_EVERY.multipliedBy(2)).isBefore(now));
        }
        if (registeredHere.isEmpty()) {
            return last.agencies();
        }
        Set<String> all = new HashSet<>(last.agencies());
        all.addAll(registeredHere.keySet());
        return all;
    }
}
