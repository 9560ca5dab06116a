package org.safeguarding.backbone.chronology.webhook.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Limit;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Pushes queued acts to the agencies' webhooks: POSTed as JSON, signed ({@link WebhookSignature}), each attempt
 * recorded; on failure tried again after a wait that doubles each time ({@link WebhookSettings#retryAfter}); in order
 * per child (a later act about a child waits while an earlier one fails); the webhook suspended, with the reason,
 * after {@code suspend-after-failures} attempts in a row fail. At least once: an act whose answer is lost is sent
 * again, with the same {@code webhook-id} (its event id).
 *
 * <p>One dispatcher per database: the chronology service runs as one instance today. Several would each deliver,
 * still at least once, but not in order; spreading the agencies over instances is for the production path
 * (issue 10).
 */
@Component
class WebhookDispatcher {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookDispatcher.class);
    /** How many due acts of one agency are tried in one round. */
    private static final int ROUND = 50;

    private final WebhookRegistrations registrations;
    private final WebhookDeliveries deliveries;
    private final WebhookAttempts attempts;
    private final WebhookSettings settings;
    private final TransactionTemplate transaction;
    private final HttpClient http;
    private final WebhookDestinations destinations;

    WebhookDispatcher(WebhookRegistrations registrations, WebhookDeliveries deliveries, WebhookAttempts attempts,
                      WebhookSettings settings, TransactionTemplate transaction, WebhookDestinations destinations) {
        this.destinations = destinations;
        this.registrations = registrations;
        this.deliveries = deliveries;
        this.attempts = attempts;
        this.settings = settings;
        this.transaction = transaction;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(fixedDelayString = "${backbone.webhooks.poll-every}", initialDelayString = "${backbone.webhooks.poll-every}")
    void deliverDue() {
        for (WebhookRegistration webhook : registrations.findByStatus(WebhookRegistration.Status.ACTIVE)) {
            List<WebhookDelivery> due = deliveries.due(webhook.getAgency(), WebhookDelivery.Status.PENDING,
                    Instant.now(), Limit.of(ROUND));
            for (WebhookDelivery delivery : due) {
                if (delivery.isErased()) {
                    // the child's records were erased while this waited (R18): what it said no longer opens, and
                    // words saying so are not the act the agency subscribed to
                    transaction.executeWithoutResult(tx -> deliveries.findById(delivery.getId())
                            .ifPresent(WebhookDelivery::erased));
                    continue;
                }
                if (!attempt(webhook, delivery)) {
                    break;
                }
            }
        }
    }

    /** One attempt, recorded; false when the webhook is suspended (by this failure, or meanwhile). */
    private boolean attempt(WebhookRegistration webhook, WebhookDelivery delivery) {
        long timestamp = Instant.now().getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.getUrl()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "safeguarding-backbone-webhooks")
                .header(WebhookSignature.ID, delivery.getEventId())
                .header(WebhookSignature.TIMESTAMP, Long.toString(timestamp))
                .header(WebhookSignature.SIGNATURE, WebhookSignature.of(webhook.getSecret(), delivery.getEventId(),
                        timestamp, delivery.getBody()))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.getBody()))
                .build();
        long started = System.nanoTime();
        Integer status = null;
        // its name may resolve elsewhere since it was registered: not sent, a failed attempt like any other
        String error = destinations.refusal(request.uri()).map(why -> "not sent: " + why).orElse(null);
        try {
            if (error == null) {
                status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status < 200 || status >= 300) {
                    error = "HTTP " + status;
                }
            }
        } catch (IOException e) {
            error = described(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        long durationMs = (System.nanoTime() - started) / 1_000_000;
        Integer answered = status;
        String failure = error;
        Boolean goOn = transaction.execute(tx -> recorded(webhook.getAgency(), delivery.getId(), answered, failure,
                durationMs));
        return Boolean.TRUE.equals(goOn);
    }

    /** What went wrong, in words: the JDK's client often leaves the message to the cause ("Connection refused"). */
    private static String described(Throwable failure) {
        String what = failure.getClass().getSimpleName();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null) {
                return what + ": " + cause.getMessage();
            }
        }
        return what;
    }

    private boolean recorded(String agency, Long deliveryId, Integer status, String error, long durationMs) {
        Instant now = Instant.now();
        WebhookDelivery delivery = deliveries.findById(deliveryId).orElseThrow();
        WebhookRegistration webhook = registrations.findById(agency).orElse(null);
        attempts.save(new WebhookAttempt(deliveryId, delivery.getAttempts() + 1, now, status, error, durationMs));
        if (error == null) {
            delivery.delivered(now);
            if (webhook != null) {
                webhook.succeeded();
            }
            return webhook != null && webhook.getStatus() == WebhookRegistration.Status.ACTIVE;
        }
        delivery.failed(now.plus(settings.retryAfter(delivery.getAttempts() + 1)));
        if (webhook == null) {
            return false;
        }
        if (webhook.failed(settings.suspendAfterFailures(), error, now)) {
            LOG.warn("The webhook of {} is suspended: {}", agency, webhook.getSuspensionReason());
        }
        return webhook.getStatus() == WebhookRegistration.Status.ACTIVE;
    }
}
