package org.safeguarding.backbone.referrals.share.integration;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation;
import org.safeguarding.backbone.contracts.referrals.v1.RejectionReason;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRejected;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.consume.ProcessedEvents;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;
import org.safeguarding.backbone.referrals.share.intake.ShareDraft;
import org.safeguarding.backbone.referrals.share.intake.ShareIntake;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shares sent by agency systems over Kafka, each on its own inbound topic ({@link Topics#inboundFrom}), which only
 * that agency may write: the topic says who is sending, and a record claiming another agency is refused. They go
 * through the share's one intake ({@link ShareIntake}), as {@code POST /api/shares} does: the same checks, the same
 * known agencies, the same rules. A request sent again with the same id is recorded once. A refused one changes
 * nothing: its sender gets {@code ShareRejected} with every reason (on its feed), and the record goes to the
 * dead-letter topic beside the inbound topic with the reason; the consumer carries on.
 */
@Component
class InboundShareListener {

    static final String CONSUMER = "referrals-inbound";

    private final ShareIntake intake;
    private final ProcessedEvents processed;
    private final KnownAgencies agencies;
    private final KafkaTemplate<String, SpecificRecord> kafka;

    InboundShareListener(ShareIntake intake, ProcessedEvents processed, KnownAgencies agencies,
                         KafkaTemplate<String, SpecificRecord> kafka) {
        this.intake = intake;
        this.processed = processed;
        this.agencies = agencies;
        this.kafka = kafka;
    }

    /** The share a request becomes: the same request id from the same agency is always the same share. */
    static String shareId(String sendingAgency, String requestId) {
        return UUID.nameUUIDFromBytes((sendingAgency + "/" + requestId).getBytes(StandardCharsets.UTF_8)).toString();
    }

    /** Every agency's inbound topic (not their dead letters): the topics exist before the services start. */
    static final String INBOUND_TOPICS = "safeguarding\\.inbound\\.[a-z][a-z0-9-]*\\.v1";

    @KafkaListener(topicPattern = INBOUND_TOPICS, groupId = CONSUMER)
    @Transactional
    public void on(ConsumerRecord<String, SpecificRecord> record) throws Exception {
        String sender = Topics.agencyOfInbound(record.topic()).orElseThrow(() ->
                new UnprocessableRecord("not an agency's inbound topic: " + record.topic()));
        if (!(record.value() instanceof ShareInformation request)) {
            throw new UnprocessableRecord("not a ShareInformation request: "
                    + (record.value() == null ? "null" : record.value().getSchema().getFullName()));
        }
        if (!processed.firstDelivery(CONSUMER, sender + "/" + request.getRequestId())) {
            return;
        }
        ShareDraft draft = InboundShareMapper.toDraft(request);
        List<RejectionReason> problems = check(sender, request, draft);
        if (problems.isEmpty()) {
            try {
                intake.submit(shareId(sender, request.getRequestId()), draft, sender,
                        Correlation.startedBy(request.getRequestId()));
                return;
            } catch (RuleViolation violation) {
                problems.add(reason(violation.type(), violation.field(), violation.getMessage()));
            }
        }
        reject(record.key(), sender, request, problems);
        throw new InboundRejected("share request " + request.getRequestId() + " from " + sender
                + " refused: " + problems.stream().map(p -> p.getField() + ": " + p.getMessage()).toList());
    }

    /** {@code sender} is the agency whose topic the request came on: the only agency that can write there. */
    private List<RejectionReason> check(String sender, ShareInformation request, ShareDraft draft) {
        List<RejectionReason> problems = new ArrayList<>();
        if (!agencies.isKnown(sender)) {
            problems.add(reason("unknown-agency", "sendingAgency",
                    "'" + sender + "' is not an agency known to the backbone."));
        } else if (!sender.equals(request.getSendingAgency())) {
            problems.add(reason("not-the-sending-agency", "sendingAgency", "This request came on " + sender
                    + "'s inbound topic, so it is from " + sender + ", but it claims to be from '"
                    + request.getSendingAgency() + "'. An agency sends only as itself."));
        }
        intake.check(draft).forEach(p -> problems.add(reason(p.type(), p.field(), p.message())));
        return problems;
    }

    /** The answer to the sending system: recorded nowhere else, so it is sent before the record is dead-lettered. */
    private void reject(String key, String sender, ShareInformation request, List<RejectionReason> problems)
            throws Exception {
        Instant now = Instant.now();
        ShareRejected rejected = ShareRejected.newBuilder()
                .setEnvelope(Envelope.newBuilder()
                        .setEventId(UUID.nameUUIDFromBytes((sender + "/" + request.getRequestId()
                                + "/rejected").getBytes(StandardCharsets.UTF_8)).toString())
                        .setChildId(key == null ? request.getChildNhsNumber() : key)
                        .setOccurredAt(now).setRecordedAt(now)
                        .setActingAgency(ShareIntegrationMapper.BACKBONE)
                        .setCorrelationId(request.getRequestId())
                        .build())
                .setRequestId(request.getRequestId())
                .setSendingAgency(sender)
                .setProblems(problems)
                .build();
        kafka.send(Topics.REFERRALS, rejected.getEnvelope().getChildId(), rejected).get(30, TimeUnit.SECONDS);
    }

    private static RejectionReason reason(String type, String field, String message) {
        return RejectionReason.newBuilder().setType(type).setField(field).setMessage(message).build();
    }

    /** Not retried: the same request would be refused the same way. Goes to the dead-letter topic with this reason. */
    static final class InboundRejected extends UnprocessableRecord {
        InboundRejected(String message) {
            super(message);
        }
    }
}
