package org.safeguarding.backbone.messaging.childkeys;

import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.chronology.v1.ChildContentErased;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldPlaced;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldPurpose;
import org.safeguarding.backbone.contracts.chronology.v1.LegalHoldReleased;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.LegalHold;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * What the chronology decides about a child's records as a whole (R18), carried out in this service: a legal hold
 * placed or released is recorded beside the child's keys, and an erasure destroys them ({@link ChildKeys#erase}),
 * then each of the service's {@link ErasedChildren} is told. Every record on {@value Topics#CHRONOLOGY} of another
 * type is left to its own listener. Delivered again, each changes nothing more.
 */
public class ChildKeyOrders {

    private static final Logger LOG = LoggerFactory.getLogger(ChildKeyOrders.class);

    private final ChildKeys keys;
    private final List<ErasedChildren> erasedChildren;

    public ChildKeyOrders(ChildKeys keys, List<ErasedChildren> erasedChildren) {
        this.keys = keys;
        this.erasedChildren = List.copyOf(erasedChildren);
    }

    @KafkaListener(topics = Topics.CHRONOLOGY, groupId = "${spring.application.name}.child-keys")
    public void on(ConsumerRecord<String, SpecificRecord> record) {
        SpecificRecord value = record.value();
        if (value instanceof LegalHoldPlaced placed) {
            keys.placeHold(placed.getHoldId(), placed.getEnvelope().getChildId(), purpose(placed.getPurpose()),
                    placed.getReference(), placed.getEnvelope().getActingAgency(),
                    placed.getEnvelope().getRecordedAt());
        } else if (value instanceof LegalHoldReleased released) {
            keys.releaseHold(released.getHoldId(), released.getEnvelope().getActingAgency(),
                    released.getEnvelope().getRecordedAt());
        } else if (value instanceof ChildContentErased erased) {
            String childId = erased.getEnvelope().getChildId();
            ChildKeys.Erasure erasure;
            try {
                erasure = keys.erase(childId, erased.getReason(), erased.getEnvelope().getRecordedAt());
            } catch (ChildKeys.UnderLegalHold e) {
                // the chronology refuses an erasure while a hold is open, and a hold's release comes before it on the
                // child's partition: a hold here that it does not know of is for a person to look at, not to retry
                throw new UnprocessableRecord("erasure " + erased.getErasureId() + " refused here: " + e.getMessage());
            }
            for (ErasedChildren each : erasedChildren) {
                each.erased(childId, erased.getEnvelope().getRecordedAt(), erased.getReason());
            }
            LOG.info("Erasure {}: {} key(s) destroyed", erased.getErasureId(), erasure.keysDestroyed());
        }
    }

    private static LegalHold.Purpose purpose(LegalHoldPurpose purpose) {
        return switch (purpose) {
            case REVIEW -> LegalHold.Purpose.REVIEW;
            case INQUIRY -> LegalHold.Purpose.INQUIRY;
            case PROCEEDINGS -> LegalHold.Purpose.PROCEEDINGS;
            // a purpose added after this service was built is still a hold: held for proceedings, the strictest
            default -> LegalHold.Purpose.PROCEEDINGS;
        };
    }
}
