package org.safeguarding.backbone.referrals.share.integration;

import static org.safeguarding.backbone.messaging.publish.Envelopes.BACKBONE;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.Encoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation;
import org.safeguarding.backbone.contracts.referrals.v1.RejectionReason;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRejected;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.outage.Outages;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.consume.ProcessedEvents;
import org.safeguarding.backbone.messaging.consume.UnprocessableRecord;
import org.safeguarding.backbone.referrals.share.intake.ShareDraft;
import org.safeguarding.backbone.referrals.share.intake.ShareIntake;
import org.safeguarding.backbone.web.correlation.RequestedCorrelation;
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
 * dead-letter topic beside the inbound topic, as sent, with the reason; the consumer carries on. Another request
 * under an id already taken is refused ({@code request-id-reused}), not dropped as a repeat.
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
        if (!RequestedCorrelation.isUsable(request.getRequestId())) {
            // checked before anything is recorded under it: the id is how the request is known
            throw refuse(record.key(), sender, request, List.of(reason("invalid-request-id", "requestId",
                    "must be 1 to 100 letters, digits, '.', '_', ':' or '-', unique to the request (it was "
                            + quoted(request.getRequestId()) + ")")));
        }
        switch (processed.delivery(CONSUMER, sender + "/" + request.getRequestId(), fingerprint(request))) {
            case AGAIN -> {
                // sent again: recorded once
                return;
            }
            case DIFFERENT -> throw refuse(record.key(), sender, request, List.of(reason("request-id-reused",
                    "requestId", "The request id " + quoted(request.getRequestId()) + " was used already by another "
                            + "request from " + sender + ", which was taken; this one, with different content, is "
                            + "not. Give each request an id of its own.")));
            case FIRST -> {
                // acted on below
            }
        }
        Interpreted interpreted = interpret(sender, request);
        List<RejectionReason> problems = new ArrayList<>(interpreted.problems());
        if (problems.isEmpty()) {
            try {
                intake.submit(shareId(sender, request.getRequestId()), interpreted.draft(), sender,
                        Correlation.startedBy(request.getRequestId()));
                return;
            } catch (RuleViolation violation) {
                problems.add(reason(violation.type(), violation.field(), violation.getMessage()));
            }
        }
        throw refuse(record.key(), sender, request, problems);
    }

    /** A request read as a draft, and every problem with it seen before the share's own rules apply. */
    record Interpreted(ShareDraft draft, List<RejectionReason> problems) {
    }

    /**
     * What a request is, read without any I/O: the draft and its problems. Whatever a request holds, this answers
     * (a request the intake cannot even read is one problem), so no request is left failing, and tried again for
     * ever, for its content.
     */
    Interpreted interpret(String sender, ShareInformation request) {
        try {
            ShareDraft draft = InboundShareMapper.toDraft(request);
            return new Interpreted(draft, check(sender, request, draft));
        } catch (InboundShareMapper.UnknownValue unknown) {
            return new Interpreted(null, List.of(reason("unknown-value", unknown.field(), unknown.getMessage())));
        } catch (RuntimeException unreadable) {
            if (Outages.isOutage(unreadable)) {
                throw unreadable;
            }
            // a value of a kind the intake does not know, say: refused, never retried
            return new Interpreted(null, List.of(reason("unreadable-request", null, "The request could not be read "
                    + "as a share (" + Outages.describe(unreadable) + ").")));
        }
    }

    /**
     * Answers the sender with every reason; returns what to throw to send the request to the dead-letter topic with
     * them.
     */
    private InboundRejected refuse(String key, String sender, ShareInformation request,
                                   List<RejectionReason> problems) throws Exception {
        ShareRejected rejected = rejection(key, sender, request, problems, Instant.now());
        kafka.send(Topics.REFERRALS, rejected.getEnvelope().getChildId(), rejected).get(30, TimeUnit.SECONDS);
        String reasons = problems.stream().map(p -> p.getField() + ": " + p.getMessage()).toList().toString();
        // the dead letter's header: bounded, as the whole record must fit what the broker takes
        return new InboundRejected("share request " + rejected.getRequestId() + " from " + sender + " refused: "
                + (reasons.length() <= 4000 ? reasons : reasons.substring(0, 4000) + "..."));
    }

    /** {@code sender} is the agency whose topic the request came on: the only agency that can write there. */
    private List<RejectionReason> check(String sender, ShareInformation request, ShareDraft draft) {
        List<RejectionReason> problems = new ArrayList<>();
        if (!agencies.isKnown(sender)) {
            problems.add(reason("unknown-agency", "sendingAgency",
                    "'" + sender + "' is not an agency known to the backbone."));
        } else if (!sender.equals(request.getSendingAgency())) {
            problems.add(reason("not-the-sending-agency", "sendingAgency", "This request came on " + sender
                    + "'s inbound topic, so it is from " + sender + ", but it claims to be from "
                    + quoted(request.getSendingAgency()) + ". An agency sends only as itself."));
        }
        intake.check(draft).forEach(p -> problems.add(reason(p.type(), p.field(), p.message())));
        return problems;
    }

    /**
     * The answer to the sending system (recorded nowhere else, so it is sent before the record is dead-lettered),
     * bounded for every consumer of it whatever the request held: filed under a child only by an NHS-shaped id, the
     * request id and every reason cut to the length the chronology and the feeds keep.
     */
    static ShareRejected rejection(String key, String sender, ShareInformation request,
                                   List<RejectionReason> problems, Instant now) {
        boolean validId = RequestedCorrelation.isUsable(request.getRequestId());
        // the same request refused again is the same rejection; another request under the same id, another one
        String eventId = UUID.nameUUIDFromBytes((sender + "/" + request.getRequestId() + "/rejected/"
                + fingerprint(request)).getBytes(StandardCharsets.UTF_8)).toString();
        return ShareRejected.newBuilder()
                .setEnvelope(Envelope.newBuilder()
                        .setEventId(eventId)
                        .setChildId(childOf(key, request.getChildNhsNumber()))
                        .setOccurredAt(now).setRecordedAt(now)
                        .setActingAgency(BACKBONE)
                        .setCorrelationId(validId ? request.getRequestId() : eventId)
                        .build())
                // as sent, so the sender can match it; cut to the length an id may have when it was longer
                .setRequestId(request.getRequestId().length() <= 100 ? request.getRequestId()
                        : request.getRequestId().substring(0, 100))
                .setSendingAgency(sender)
                // every reason, up to as many as a share may have recipients and statements together
                .setProblems(problems.size() <= 200 ? problems : problems.subList(0, 200))
                .build();
    }

    /**
     * What a request says, as a SHA-256 in hex: two requests with the same fields have the same fingerprint, whatever
     * the order of their map entries, the schema version they were written with or how they were encoded.
     */
    static String fingerprint(ShareInformation request) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        try {
            new SpecificDatumWriter<ShareInformation>(ShareInformation.getClassSchema()) {
                @Override
                protected void writeMap(Schema schema, Object datum, Encoder out) throws IOException {
                    Map<String, Object> sorted = new TreeMap<>();
                    ((Map<?, ?>) datum).forEach((key, value) -> sorted.put(String.valueOf(key), value));
                    super.writeMap(schema, sorted, out);
                }
            }.write(request, encoder);
            encoder.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint a request in memory", e);
        }
    }

    /** The child a rejection is filed under: the record's key, else the request's NHS number, when either is one. */
    static String childOf(String key, String claimed) {
        for (String candidate : new String[] {key, claimed}) {
            if (candidate != null && candidate.matches("\\d{10}")) {
                return candidate;
            }
        }
        return UNIDENTIFIED_CHILD;
    }

    /** A rejection of a request that names no child the backbone can file it under (only its sender reads it). */
    static final String UNIDENTIFIED_CHILD = "unidentified";

    /** A value the request gave, quoted in a reason: at most 100 characters of it. */
    static String quoted(String value) {
        if (value == null) {
            return "nothing";
        }
        return "'" + (value.length() <= 100 ? value : value.substring(0, 100) + "...") + "'";
    }

    /**
     * A reason, bounded: it travels in {@code ShareRejected} into the chronology and the sender's feed, and a
     * message may quote what the request gave, which could be of any length.
     */
    private static RejectionReason reason(String type, String field, String message) {
        String named = recordField(field);
        return RejectionReason.newBuilder().setType(type)
                .setField(named == null || named.length() <= 200 ? named : named.substring(0, 200))
                .setMessage(message.length() <= 500 ? message : message.substring(0, 500) + "...").build();
    }

    /** Where the HTTP body nests the child and the sender, the record has fields of their own: each by its name. */
    private static final Map<String, String> RECORD_FIELDS = Map.of(
            "child.nhsNumber", "childNhsNumber", "child.localIds", "childLocalIds", "child", "childNhsNumber",
            "sender.practitioner", "senderPractitioner", "sender.role", "senderRole", "sender", "senderPractitioner");

    /**
     * A problem's field as {@code ShareInformation} names it ({@code child.nhsNumber}, as the intake checks it, is
     * {@code childNhsNumber} here), so the sending system finds it in what it sent; every other field is named alike.
     */
    static String recordField(String field) {
        if (field == null) {
            return null;
        }
        String named = RECORD_FIELDS.get(field);
        if (named != null) {
            return named;
        }
        int end = field.indexOf('[');
        String head = end < 0 ? field : field.substring(0, end);
        named = RECORD_FIELDS.get(head);
        return named == null ? field : named + field.substring(head.length());
    }

    /** Not retried: the same request would be refused the same way. Goes to the dead-letter topic with this reason. */
    static final class InboundRejected extends UnprocessableRecord {
        InboundRejected(String message) {
            super(message);
        }
    }
}
