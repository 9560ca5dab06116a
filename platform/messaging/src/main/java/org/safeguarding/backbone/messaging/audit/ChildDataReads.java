package org.safeguarding.backbone.messaging.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.access.v1.ChildDataRead;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.kernel.agency.ActingPractitioner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * Every read of a child's data is itself on the record (R10): who read what about which child, and whether it was
 * granted. Each read is sent to {@value Topics#ACCESS} and acknowledged by the broker before the data is answered: a
 * read that cannot be recorded is not answered. The chronology keeps them in the child's access log.
 */
public class ChildDataReads {

    /** Why a read was granted. */
    public enum Basis {
        /** The reader is a party to the record (its sender, a recipient, the agency asked, ...). */
        PARTY,
        /** The reader leads for the child ({@link LeadAgencies}). */
        LEAD_AGENCY
    }

    /** One read of a record about a child, granted on {@code basis}, or a refused attempt (basis null). */
    public record Read(String childId, String resource, Basis basis) {

        public boolean granted() {
            return basis != null;
        }
    }

    private final KafkaTemplate<String, SpecificRecord> kafka;
    private final String service;
    private final LeadAgencies leads;

    /** {@code leads} null: only a record's parties read it. */
    public ChildDataReads(KafkaTemplate<String, SpecificRecord> kafka, String service, LeadAgencies leads) {
        this.kafka = kafka;
        this.service = service;
        this.leads = leads;
    }

    /**
     * {@code agency} reads {@code resource}, a record about {@code childId}: granted to the record's parties
     * ({@code party}) and to the child's lead agencies, and recorded, granted or refused, before it is answered.
     * Returns whether it is granted.
     */
    public boolean readRecord(String agency, String childId, String resource, boolean party) {
        Basis basis = party ? Basis.PARTY
                : leads != null && leads.leads(agency, childId) ? Basis.LEAD_AGENCY : null;
        record(agency, List.of(new Read(childId, resource, basis)));
        return basis != null;
    }

    /**
     * Records several reads by one agency at once (a list it read), waiting for all to be acknowledged. A failure is
     * tried again ({@value #ATTEMPTS} attempts in all): the first record of its type can lose a race with another
     * registering the same schema in the registry, and finds it registered the next time.
     */
    public void record(String agency, List<Read> reads) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                send(agency, reads);
                return;
            } catch (RuntimeException e) {
                last = e;
                pause(attempt);
            }
        }
        throw last instanceof ReadNotRecorded notRecorded ? notRecorded : new ReadNotRecorded(last);
    }

    static final int ATTEMPTS = 3;

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadNotRecorded(e);
        }
    }

    private void send(String agency, List<Read> reads) {
        Instant now = Clock.systemUTC().instant();
        // who read for the agency, where its token named them (platform/web runs the request as them)
        String practitioner = ActingPractitioner.current().orElse(null);
        List<CompletableFuture<SendResult<String, SpecificRecord>>> sent = new ArrayList<>();
        for (Read read : reads) {
            String eventId = UUID.randomUUID().toString();
            sent.add(kafka.send(Topics.ACCESS, read.childId(), ChildDataRead.newBuilder()
                    .setEnvelope(Envelope.newBuilder().setEventId(eventId).setChildId(read.childId())
                            .setOccurredAt(now).setRecordedAt(now).setActingAgency(agency)
                            .setActingPractitioner(practitioner).setCorrelationId(eventId).build())
                    .setService(service).setResource(read.resource()).setGranted(read.granted())
                    .setBasis(read.basis() == null ? null : read.basis().name())
                    .build()));
        }
        try {
            CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new ReadNotRecorded(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadNotRecorded(e);
        }
    }

    /** A read that could not be put on the record, and so is not answered. */
    public static class ReadNotRecorded extends RuntimeException {
        ReadNotRecorded(Throwable cause) {
            super("The read could not be recorded (R10), so it is not answered.", cause);
        }
    }
}
