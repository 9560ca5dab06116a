package org.safeguarding.backbone.chronology.webhook.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One attempt to deliver an act: what the agency's endpoint answered, or why it could not be reached. */
@Entity
@Table(name = "webhook_attempt")
public class WebhookAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private Long deliveryId;
    private int attempt;
    private Instant attemptedAt;
    private Integer httpStatus;
    @Column(length = 1000)
    private String error;
    private long durationMs;

    protected WebhookAttempt() {
    }

    WebhookAttempt(Long deliveryId, int attempt, Instant attemptedAt, Integer httpStatus, String error,
                   long durationMs) {
        this.deliveryId = deliveryId;
        this.attempt = attempt;
        this.attemptedAt = attemptedAt;
        this.httpStatus = httpStatus;
        this.error = error == null || error.length() <= 1000 ? error : error.substring(0, 997) + "...";
        this.durationMs = durationMs;
    }

    public Long getDeliveryId() {
        return deliveryId;
    }

    public int getAttempt() {
        return attempt;
    }

    public Instant getAttemptedAt() {
        return attemptedAt;
    }

    /** The endpoint's status code; null when it could not be reached (then {@link #getError()} says why). */
    public Integer getHttpStatus() {
        return httpStatus;
    }

    public String getError() {
        return error;
    }

    public long getDurationMs() {
        return durationMs;
    }

    public boolean isSucceeded() {
        return httpStatus != null && httpStatus >= 200 && httpStatus < 300;
    }
}
