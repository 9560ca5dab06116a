package org.safeguarding.backbone.chronology.webhook.process;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One act to push to one agency's webhook, until it is delivered (or the agency withdraws the webhook). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status {
        PENDING,
        DELIVERED,
        /** The agency withdrew its webhook before this act reached it. */
        CANCELLED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String agency;
    private String eventId;
    private String eventType;
    private String topic;
    private String childId;
    @Column(length = 1000000)
    private String body;
    @Enumerated(EnumType.STRING)
    private Status status;
    private int attempts;
    private Instant enqueuedAt;
    private Instant nextAttemptAt;
    private Instant deliveredAt;

    protected WebhookDelivery() {
    }

    WebhookDelivery(String agency, String eventId, String eventType, String topic, String childId, String body,
                    Instant at) {
        this.agency = agency;
        this.eventId = eventId;
        this.eventType = eventType;
        this.topic = topic;
        this.childId = childId;
        this.body = body;
        this.status = Status.PENDING;
        this.enqueuedAt = at;
        this.nextAttemptAt = at;
    }

    void delivered(Instant at) {
        attempts++;
        status = Status.DELIVERED;
        deliveredAt = at;
    }

    void failed(Instant retryAt) {
        attempts++;
        nextAttemptAt = retryAt;
    }

    void cancelled() {
        status = Status.CANCELLED;
    }

    public Long getId() {
        return id;
    }

    public String getAgency() {
        return agency;
    }

    public String getEventId() {
        return eventId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getTopic() {
        return topic;
    }

    public String getChildId() {
        return childId;
    }

    String getBody() {
        return body;
    }

    public Status getStatus() {
        return status;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getEnqueuedAt() {
        return enqueuedAt;
    }

    /** When it is next tried, while pending. */
    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }
}
