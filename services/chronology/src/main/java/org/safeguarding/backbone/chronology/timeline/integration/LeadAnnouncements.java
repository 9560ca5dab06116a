package org.safeguarding.backbone.chronology.timeline.integration;

import static org.safeguarding.backbone.messaging.publish.Envelopes.BACKBONE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyProjection;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyProjection.Leads;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.chronology.v1.LeadAgenciesChanged;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Tells the other services who leads for a child whenever that changes ({@code LeadAgenciesChanged} on
 * {@value Topics#CHRONOLOGY}), so they let the lead agency read every record about the child, as the chronology
 * does (ADR 0008). The chronology is where the rule is decided; the services only apply it. At least once: a change
 * is marked announced only after the broker has it.
 */
@Component
class LeadAnnouncements {

    private static final Logger LOG = LoggerFactory.getLogger(LeadAnnouncements.class);

    private final ChronologyProjection chronology;
    private final KafkaTemplate<String, SpecificRecord> kafka;

    LeadAnnouncements(ChronologyProjection chronology, KafkaTemplate<String, SpecificRecord> kafka) {
        this.chronology = chronology;
        this.kafka = kafka;
    }

    /** An announcement sent and not yet acknowledged: noted as made once the broker has it ({@link #made}). */
    record Announcing(Leads leads, CompletableFuture<?> sent) {
        static final Announcing NOTHING = new Announcing(null, CompletableFuture.completedFuture(null));
    }

    /**
     * After {@code cause} is in the chronology: sends the child's lead agencies if they changed, without waiting for
     * the broker (the listener does its other work on the act meanwhile, then calls {@link #made}).
     */
    Announcing afterAct(Envelope cause) {
        return chronology.unannouncedLeads(cause.getChildId())
                .map(leads -> new Announcing(leads, send(leads, cause)))
                .orElse(Announcing.NOTHING);
    }

    /** Waits until the broker has the announcement, then notes it made; throws (nothing noted) if it failed. */
    void made(Announcing announcing) throws Exception {
        if (announcing.leads() == null) {
            return;
        }
        announcing.sent().get(2, TimeUnit.MINUTES);
        chronology.announced(announcing.leads());
    }

    /**
     * At start: whatever changed and was not announced (the broker was down, or the chronology predates this). In the
     * background, so that a chronology of many children is ready for reads without waiting for it.
     */
    @EventListener(ApplicationReadyEvent.class)
    void announceWhatIsOutstandingAtStart() {
        Thread thread = new Thread(this::announceWhatIsOutstanding, "lead-announcements");
        thread.setDaemon(true);
        thread.start();
    }

    private void announceWhatIsOutstanding() {
        try {
            for (Leads leads : new ArrayList<>(chronology.everyUnannouncedLeads())) {
                announce(leads, null);
            }
        } catch (Exception e) {
            LOG.warn("could not announce every child's lead agencies now; each is announced with the child's next "
                    + "act", e);
        }
    }

    private void announce(Leads leads, Envelope cause) throws Exception {
        made(new Announcing(leads, send(leads, cause)));
    }

    private CompletableFuture<?> send(Leads leads, Envelope cause) {
        String eventId = UUID.randomUUID().toString();
        Instant now = Clock.systemUTC().instant();
        LeadAgenciesChanged changed = LeadAgenciesChanged.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(eventId).setChildId(leads.childId())
                        .setOccurredAt(cause == null ? now : cause.getOccurredAt()).setRecordedAt(now)
                        .setActingAgency(BACKBONE)
                        .setCorrelationId(cause == null ? eventId : cause.getCorrelationId())
                        .setCausationId(cause == null ? null : cause.getEventId())
                        .build())
                .setArea(leads.area())
                .setLeadAgencies(new ArrayList<>(leads.agencies()))
                .build();
        return kafka.send(Topics.CHRONOLOGY, leads.childId(), changed);
    }
}
