package org.safeguarding.backbone.chronology.webhook.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.Instant;
import java.util.List;
import org.safeguarding.backbone.chronology.webhook.process.WebhookAttempt;
import org.safeguarding.backbone.chronology.webhook.process.WebhookDelivery;
import org.safeguarding.backbone.chronology.webhook.process.WebhookRegistration;
import org.safeguarding.backbone.chronology.webhook.process.Webhooks;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
import org.safeguarding.backbone.web.security.CallingAgency;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The calling agency's own webhook: every act it is party to (its feed) POSTed to its endpoint, signed. An agency
 * sees and changes its own webhook only; there is no path naming another's.
 */
@RestController
@RequestMapping("/api/webhook")
class WebhookController {

    private final Webhooks webhooks;

    WebhookController(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    /** Registers the endpoint, or replaces it; a suspended webhook starts delivering again. */
    @PutMapping
    WebhookResponse register(@Valid @RequestBody RegisterRequest request, Principal principal,
                             RequestedCorrelation correlation) {
        return WebhookResponse.of(webhooks.register(CallingAgency.of(principal), request.url(), request.secret()));
    }

    @GetMapping
    WebhookResponse get(Principal principal) {
        return WebhookResponse.of(webhooks.of(CallingAgency.of(principal)));
    }

    /** After a suspension: delivery starts again from the oldest act not delivered. */
    @PostMapping("/resumption")
    WebhookResponse resume(Principal principal, RequestedCorrelation correlation) {
        return WebhookResponse.of(webhooks.resume(CallingAgency.of(principal)));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void withdraw(Principal principal, RequestedCorrelation correlation) {
        webhooks.withdraw(CallingAgency.of(principal));
    }

    /** The delivery log: the latest first, each with every attempt. */
    @GetMapping("/deliveries")
    List<DeliveryResponse> deliveries(@RequestParam(required = false) WebhookDelivery.Status status,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(Webhooks.MAX_LOG) int limit,
                                      Principal principal) {
        return webhooks.log(CallingAgency.of(principal), status, limit).stream().map(DeliveryResponse::of).toList();
    }

    record RegisterRequest(
            @NotBlank(message = "must name the endpoint") @Size(max = 2000) String url,
            @NotBlank(message = "must give the secret deliveries are signed with")
            @Size(min = 24, max = 200, message = "must be 24 to 200 characters") String secret) {
    }

    /** The registration, without its secret. */
    record WebhookResponse(String agency, String url, WebhookRegistration.Status status, Instant registeredAt,
                           int consecutiveFailures, Instant suspendedAt, String suspensionReason) {

        static WebhookResponse of(WebhookRegistration webhook) {
            return new WebhookResponse(webhook.getAgency(), webhook.getUrl(), webhook.getStatus(),
                    webhook.getRegisteredAt(), webhook.getConsecutiveFailures(), webhook.getSuspendedAt(),
                    webhook.getSuspensionReason());
        }
    }

    record DeliveryResponse(String eventId, String eventType, String childId, WebhookDelivery.Status status,
                            Instant enqueuedAt, Instant nextAttemptAt, Instant deliveredAt,
                            List<AttemptResponse> attempts) {

        static DeliveryResponse of(Webhooks.Logged logged) {
            WebhookDelivery delivery = logged.delivery();
            return new DeliveryResponse(delivery.getEventId(), delivery.getEventType(), delivery.getChildId(),
                    delivery.getStatus(), delivery.getEnqueuedAt(),
                    delivery.getStatus() == WebhookDelivery.Status.PENDING ? delivery.getNextAttemptAt() : null,
                    delivery.getDeliveredAt(), logged.attempts().stream().map(AttemptResponse::of).toList());
        }
    }

    record AttemptResponse(int attempt, Instant at, boolean succeeded, Integer httpStatus, String error,
                           long durationMs) {

        static AttemptResponse of(WebhookAttempt attempt) {
            return new AttemptResponse(attempt.getAttempt(), attempt.getAttemptedAt(), attempt.isSucceeded(),
                    attempt.getHttpStatus(), attempt.getError(), attempt.getDurationMs());
        }
    }
}
