package org.safeguarding.backbone.messaging.publish;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;

/**
 * {@code backbone.deadlines.overdue}, by {@code event}: the deadlines missed, counted as the publisher puts each act
 * recording one on Kafka (every such act is named {@code ...Overdue}: AcknowledgementOverdue, FeedbackOverdue,
 * TransferPackageOverdue, ...). A count, never which child.
 */
public final class OverdueActs implements Consumer<SpecificRecord> {

    public static final String METRIC = "backbone.deadlines.overdue";

    private final MeterRegistry registry;

    public OverdueActs(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void accept(SpecificRecord record) {
        String name = record.getSchema().getName();
        if (name.endsWith("Overdue")) {
            registry.counter(METRIC, "event", name).increment();
        }
    }
}
