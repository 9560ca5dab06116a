package org.safeguarding.backbone.chronology.webhook.process;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.messaging.audit.ChildDataReads;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** An agency's own webhook: registered, read, resumed and withdrawn by that agency alone; and its delivery log. */
@Service
@Transactional
public class Webhooks {

    /** The longest delivery log one read returns. */
    public static final int MAX_LOG = 200;

    private final WebhookRegistrations registrations;
    private final WebhookDeliveries deliveries;
    private final WebhookAttempts attempts;
    private final WebhookSettings settings;
    private final ChildDataReads reads;
    private final WebhookAgencies agencies;
    private final WebhookDestinations destinations;

    Webhooks(WebhookRegistrations registrations, WebhookDeliveries deliveries, WebhookAttempts attempts,
             WebhookSettings settings, ChildDataReads reads, WebhookAgencies agencies,
             WebhookDestinations destinations) {
        this.agencies = agencies;
        this.destinations = destinations;
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.settings = settings;
        this.reads = reads;
    }

    /** Registers the agency's webhook, or replaces it (a new URL or secret; a suspended webhook starts again). */
    public WebhookRegistration register(String agency, String url, String secret) {
        checkUrl(url);
        agencies.registered(agency);
        Instant now = Instant.now();
        WebhookRegistration webhook = registrations.findById(agency).orElse(null);
        if (webhook == null) {
            return registrations.save(new WebhookRegistration(agency, url, secret, now));
        }
        webhook.registered(url, secret, now);
        return webhook;
    }

    @Transactional(readOnly = true)
    public WebhookRegistration of(String agency) {
        return registrations.findById(agency).orElseThrow(() -> new NoWebhook(agency));
    }

    /** Delivery starts again after a suspension, from the oldest act not delivered. */
    public WebhookRegistration resume(String agency) {
        WebhookRegistration webhook = of(agency);
        if (webhook.getStatus() != WebhookRegistration.Status.SUSPENDED) {
            throw new NotSuspended(agency);
        }
        webhook.resumed();
        return webhook;
    }

    /** No more deliveries: the webhook is removed, and the acts still queued for it are cancelled. */
    public void withdraw(String agency) {
        WebhookRegistration webhook = of(agency);
        deliveries.cancel(agency, WebhookDelivery.Status.PENDING, WebhookDelivery.Status.CANCELLED);
        registrations.delete(webhook);
    }

    /**
     * The agency's deliveries, the latest first, each with its attempts; optionally only those in one state. Each
     * names a child and an act the agency is party to: each is a read, recorded.
     */
    public List<Logged> log(String agency, WebhookDelivery.Status status, int limit) {
        Limit max = Limit.of(Math.max(1, Math.min(limit, MAX_LOG)));
        List<WebhookDelivery> found = status == null ? deliveries.findByAgencyOrderByIdDesc(agency, max)
                : deliveries.findByAgencyAndStatusOrderByIdDesc(agency, status, max);
        Map<Long, List<WebhookAttempt>> tried = found.isEmpty() ? Map.of()
                : attempts.findByDeliveryIdInOrderByDeliveryIdAscAttemptAsc(found.stream()
                        .map(WebhookDelivery::getId).toList()).stream()
                .collect(Collectors.groupingBy(WebhookAttempt::getDeliveryId));
        reads.record(agency, found.stream().map(delivery -> new ChildDataReads.Read(delivery.getChildId(),
                "webhook-delivery:" + delivery.getEventId(), ChildDataReads.Basis.PARTY)).toList());
        return found.stream().map(delivery -> new Logged(delivery, tried.getOrDefault(delivery.getId(), List.of())))
                .toList();
    }

    public record Logged(WebhookDelivery delivery, List<WebhookAttempt> attempts) {
    }

    private void checkUrl(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new Invalid("webhook-url-not-accepted", "The webhook URL is not a URL: " + e.getMessage(), "url");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase();
        boolean accepted = settings.requireHttps() ? scheme.equals("https")
                : scheme.equals("https") || scheme.equals("http");
        if (!accepted || uri.getHost() == null || uri.getUserInfo() != null || uri.getFragment() != null) {
            throw new Invalid("webhook-url-not-accepted", "The webhook URL must be an absolute "
                    + (settings.requireHttps() ? "https" : "http or https")
                    + " URL with a host, and no credentials or fragment in it: " + url, "url");
        }
        destinations.refusal(uri).ifPresent(why -> {
            throw new Invalid("webhook-url-not-accepted", "The webhook URL is not accepted: " + why + ".", "url");
        });
    }

    public static final class NoWebhook extends RuleViolation {
        NoWebhook(String agency) {
            super(Kind.NOT_FOUND, "no-webhook", agency + " has no webhook registered (PUT /api/webhook registers one).",
                    null);
        }
    }

    public static final class NotSuspended extends RuleViolation {
        NotSuspended(String agency) {
            super("webhook-not-suspended", "The webhook of " + agency + " is not suspended: it is delivering.");
        }
    }
}
