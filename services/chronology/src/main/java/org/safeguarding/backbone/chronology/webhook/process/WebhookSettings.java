package org.safeguarding.backbone.chronology.webhook.process;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code backbone.webhooks}: how acts are pushed to agencies' webhooks.
 *
 * @param pollEvery            how often due deliveries are looked for
 * @param firstRetryAfter      the wait after a first failed attempt; it doubles with each failure after it
 * @param maxRetryAfter        the longest wait between attempts
 * @param suspendAfterFailures attempts failed in a row (for any of the agency's acts) after which the webhook is
 *                             suspended
 * @param timeout              how long an endpoint has to connect and to answer
 * @param requireHttps         refuse endpoints that are not {@code https:} (the local profile allows {@code http:}
 *                             for a receiver on this machine)
 * @param allowInternalAddresses deliver to addresses inside a network (this machine, private, link-local): the local
 *                             profile only, for a receiver on this machine ({@link WebhookDestinations})
 * @param allowedNetworks      networks (CIDR) an agency's receiver may be on though they are private, e.g. a
 *                             partnership's network
 */
@ConfigurationProperties("backbone.webhooks")
public record WebhookSettings(Duration pollEvery, Duration firstRetryAfter, Duration maxRetryAfter,
                              int suspendAfterFailures, Duration timeout, boolean requireHttps,
                              boolean allowInternalAddresses, List<String> allowedNetworks) {

    public WebhookSettings {
        allowedNetworks = allowedNetworks == null ? List.of() : List.copyOf(allowedNetworks);
        if (firstRetryAfter == null || maxRetryAfter == null || timeout == null || suspendAfterFailures < 1
                || firstRetryAfter.isNegative() || maxRetryAfter.compareTo(firstRetryAfter) < 0) {
            throw new IllegalArgumentException("backbone.webhooks needs first-retry-after, max-retry-after (not less "
                    + "than the first), timeout and suspend-after-failures (1 or more)");
        }
    }

    /** The wait after the {@code failures}-th failed attempt in a row of one act: doubling, up to the maximum. */
    Duration retryAfter(int failures) {
        Duration wait = firstRetryAfter.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : wait;
    }
}
