package org.safeguarding.backbone.messaging.publish;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * How far the publisher is behind its event store: positions stored that it has not yet put on Kafka (the head of the
 * store less the position of its furthest-behind segment). NaN while it has no position to report (starting, or its
 * claim not yet taken).
 */
public final class PublisherLag {

    private final EventProcessingConfiguration processing;
    private final EventStore events;

    public PublisherLag(EventProcessingConfiguration processing, EventStore events) {
        this.processing = processing;
        this.events = events;
    }

    /** Positions behind, now. */
    public double positionsBehind() {
        TrackingToken head = events.createHeadToken();
        OptionalLong headPosition = head == null ? OptionalLong.of(-1) : head.position();
        return processing.eventProcessor(KafkaIntegrationPublisher.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> behind(headPosition, processor.processingStatus().values().stream()
                        .map(EventTrackerStatus::getCurrentPosition).toList()))
                .orElse(Double.NaN);
    }

    /** The head less the least position of {@code segments}; NaN when a position is not known. */
    static double behind(OptionalLong head, Collection<OptionalLong> segments) {
        if (head.isEmpty() || segments.isEmpty() || segments.stream().anyMatch(OptionalLong::isEmpty)) {
            return Double.NaN;
        }
        long least = segments.stream().mapToLong(OptionalLong::getAsLong).min().getAsLong();
        return Math.max(0, head.getAsLong() - least);
    }
}
