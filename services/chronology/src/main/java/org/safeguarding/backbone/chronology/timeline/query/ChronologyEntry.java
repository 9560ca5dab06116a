package org.safeguarding.backbone.chronology.timeline.query;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.safeguarding.backbone.messaging.childkeys.ChildContent;
import org.safeguarding.backbone.messaging.childkeys.SealedColumn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One act in a child's chronology. Its id is the integration event's id: one event, one entry, however delivered. */
@Entity
@Table(name = "chronology_entry")
public class ChronologyEntry {

    /** The longest summary kept (the column's size); summaries are built to stay well within it. */
    public static final int MAX_SUMMARY = 20000;

    /** The longest practitioner name kept (the column's size; tokens naming a longer one are not accepted). */
    static final int MAX_PRACTITIONER = 200;

    private static final Logger LOG = LoggerFactory.getLogger(ChronologyEntry.class);

    @Id
    private String eventId;
    private String childId;
    private Instant occurredAt;
    private Instant recordedAt;
    private String agency;
    /** Who acted for the agency, where its identity provider named them; otherwise null. */
    @Column(length = MAX_PRACTITIONER)
    private String practitioner;
    private String eventType;
    /** Sealed under the child's key where it is stored (R18): it quotes what was said. */
    @Convert(converter = SealedColumn.Text.class)
    @Column(length = SealedColumn.LENGTH_20000)
    private ChildContent<String> summary;
    private String correlationId;
    /** The record the act concerns ({@code share:<id>}, {@code request:<id>}, ...): its parties read it. */
    private String subject;
    /** When the act reached the backbone's topics (the Kafka record's timestamp); null in entries kept before it was. */
    private Instant publishedAt;
    /** The deadline the act set, where it set one (feedback owed); otherwise null. */
    private Instant dueAt;
    private String sourceTopic;
    private int sourcePartition;
    private long sourceOffset;

    protected ChronologyEntry() {
    }

    public ChronologyEntry(String eventId, String childId, Instant occurredAt, Instant recordedAt, String agency,
                           String practitioner, String eventType, String summary, String correlationId, String subject,
                           Instant publishedAt, Instant dueAt, String sourceTopic, int sourcePartition,
                           long sourceOffset) {
        this.eventId = eventId;
        this.childId = childId;
        this.occurredAt = occurredAt;
        this.recordedAt = recordedAt;
        this.agency = agency;
        this.practitioner = kept(practitioner);
        this.eventType = eventType;
        this.summary = ChildContent.of(childId, whole(summary, eventId, sourceTopic));
        this.correlationId = correlationId;
        this.subject = subject;
        this.publishedAt = publishedAt;
        this.dueAt = dueAt;
        this.sourceTopic = sourceTopic;
        this.sourcePartition = sourcePartition;
        this.sourceOffset = sourceOffset;
    }

    /**
     * The summary as given. Should one ever exceed the column (summaries are built not to), it is cut where the
     * reader can see it was, pointing to the event that holds the whole of it, and the cut is logged: never lost
     * silently, and never a reason to drop the entry.
     */
    private static String whole(String summary, String eventId, String sourceTopic) {
        if (summary.length() <= MAX_SUMMARY) {
            return summary;
        }
        String marker = " [summary cut at " + MAX_SUMMARY + " characters: the whole of it is in event " + eventId
                + " on " + sourceTopic + "]";
        LOG.warn("summary of event {} on {} is {} characters: cut to {}", eventId, sourceTopic, summary.length(),
                MAX_SUMMARY);
        return summary.substring(0, MAX_SUMMARY - marker.length()) + marker;
    }

    /** A practitioner's name as the chronology keeps it: at most {@value #MAX_PRACTITIONER} characters. */
    static String kept(String practitioner) {
        return practitioner == null || practitioner.length() <= MAX_PRACTITIONER ? practitioner
                : practitioner.substring(0, MAX_PRACTITIONER);
    }

    public String getEventId() {
        return eventId;
    }

    public String getChildId() {
        return childId;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }

    public String getAgency() {
        return agency;
    }

    public String getPractitioner() {
        return practitioner;
    }

    public String getEventType() {
        return eventType;
    }

    public String getSummary() {
        return ChildContent.valueOf(summary);
    }

    /** The summary with the child whose key seals it, as the chronology's tables are written. */
    ChildContent<String> summaryAsKept() {
        return summary;
    }

    public String getCorrelationId() {
        return correlationId;
    }

    public String getSubject() {
        return subject;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getSourceTopic() {
        return sourceTopic;
    }

    public int getSourcePartition() {
        return sourcePartition;
    }

    public long getSourceOffset() {
        return sourceOffset;
    }

    /**
     * When {@code party}, an agency party to this act, was told of it: the acting agency when the act was recorded;
     * any other party once it was both recorded and on the backbone's topics, from where its feed and the services'
     * views had it (never before it was recorded, however early it happened).
     */
    public Instant knownFrom(String party) {
        if (party.equals(agency) || publishedAt == null || publishedAt.isBefore(recordedAt)) {
            return recordedAt;
        }
        return publishedAt;
    }
}
