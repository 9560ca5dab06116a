package org.safeguarding.backbone.chronology.webhook.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An agency's webhook: where its acts are pushed, the secret they are signed with, and whether it is delivering. */
@Entity
@Table(name = "webhook_registration")
public class WebhookRegistration {

    public enum Status {
        /** Delivering. */
        ACTIVE,
        /** Stopped after repeated failure; acts are still queued, and delivered once the agency resumes it. */
        SUSPENDED
    }

    @Id
    private String agency;
    @Column(length = 2000)
    private String url;
    private String secret;
    @Enumerated(EnumType.STRING)
    private Status status;
    private Instant registeredAt;
    private int consecutiveFailures;
    private Instant suspendedAt;
    @Column(length = 1000)
    private String suspensionReason;

    protected WebhookRegistration() {
    }

    WebhookRegistration(String agency, String url, String secret, Instant at) {
        this.agency = agency;
        registered(url, secret, at);
    }

    /** (Re-)registered: active again, its failures forgotten. */
    void registered(String url, String secret, Instant at) {
        this.url = url;
        this.secret = secret;
        this.registeredAt = at;
        resumed();
    }

    void resumed() {
        this.status = Status.ACTIVE;
        this.consecutiveFailures = 0;
        this.suspendedAt = null;
        this.suspensionReason = null;
    }

    void succeeded() {
        this.consecutiveFailures = 0;
    }

    /** One more attempt failed; suspended when {@code suspendAfter} have failed in a row. */
    boolean failed(int suspendAfter, String lastError, Instant at) {
        consecutiveFailures++;
        if (consecutiveFailures >= suspendAfter && status == Status.ACTIVE) {
            status = Status.SUSPENDED;
            suspendedAt = at;
            suspensionReason = consecutiveFailures + " delivery attempts in a row failed (the last: " + lastError
                    + "); acts are kept and delivered, in order, once the webhook is resumed";
            return true;
        }
        return false;
    }

    public String getAgency() {
        return agency;
    }

    public String getUrl() {
        return url;
    }

    String getSecret() {
        return secret;
    }

    public Status getStatus() {
        return status;
    }

    public Instant getRegisteredAt() {
        return registeredAt;
    }

    public int getConsecutiveFailures() {
        return consecutiveFailures;
    }

    public Instant getSuspendedAt() {
        return suspendedAt;
    }

    public String getSuspensionReason() {
        return suspensionReason;
    }
}
