package org.safeguarding.backbone.chronology.webhook.process;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;

/** One act to push to one agency's webhook, until it is delivered (or the agency withdraws the webhook). */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    public enum Status {
        PENDING,
        DELIVERED,
        /** The agency withdrew its webhook before this act reached it. */
        CANCELLED,
        /** The child's records were erased (R18) before this act reached the agency: there is nothing left to send. */
        ERASED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;
    private String agency;
    private String eventId;
    private String eventType;
    private String topic;
    private String childId;
    /** What is sent: the act as JSON, sealed under the child's key where it is stored (R18). */
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = 1000000)
    private ChildContent<String> body;
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
        this.body = ChildContent.of(childId, body);
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
        return ChildContent.valueOf(body);
    }

    /** Whether the child's records were erased since this was queued: its body no longer opens. */
    boolean isErased() {
        return body != null && body.erased();
    }

    void erased() {
        status = Status.ERASED;
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
