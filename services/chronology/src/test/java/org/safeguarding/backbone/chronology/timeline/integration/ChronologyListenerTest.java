package org.safeguarding.backbone.chronology.timeline.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anySet;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.inOrder;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.junit.jupiter.api.Test;
import org.mockito.InOrder;
import org.safeguarding.backbone.chronology.pattern.process.PatternDetector;
import org.safeguarding.backbone.chronology.timeline.query.ChronologyProjection;
import org.safeguarding.backbone.chronology.webhook.process.WebhookOutbox;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.kernel.childkeys.ChildKeys;
import org.safeguarding.backbone.kernel.childkeys.Sealing;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

/**
 * The listener sends an act's feed copies before its other work on the act and waits for them last (issue 11): the
 * record is done with, its offset committed, only once the broker has every copy.
 */
class ChronologyListenerTest {

    private static final String CHILD = "9990001758";

    private final ChronologyProjection chronology = mock(ChronologyProjection.class);
    private final AgencyFeeds feeds = mock(AgencyFeeds.class);
    private final LeadAnnouncements leads = mock(LeadAnnouncements.class);
    private final PatternDetector patterns = mock(PatternDetector.class);
    private final WebhookOutbox webhooks = mock(WebhookOutbox.class);
    // the records here are in clear (published before sealing): opening them asks no key store
    private final ChronologyListener listener = new ChronologyListener(chronology, feeds, leads, patterns, webhooks,
            new SealedRecords(new Sealing(mock(ChildKeys.class))));

    private static ConsumerRecord<String, SpecificRecord> aShare() {
        Instant at = Instant.parse("2026-11-20T09:00:00Z");
        InformationShared share = InformationShared.newBuilder()
                .setEnvelope(Envelope.newBuilder().setEventId(UUID.randomUUID().toString()).setChildId(CHILD)
                        .setOccurredAt(at).setRecordedAt(at.plusSeconds(1)).setActingAgency("school-a")
                        .setCorrelationId("conversation-1").build())
                .setShareId("share-1").setSenderAgency("school-a").setRecipientAgencies(List.of("csc-a"))
                .setPurpose("Concern about a disclosure in class")
                .setStatements(List.of(Statement.newBuilder().setText("The child said ...").build())).build();
        return new ConsumerRecord<>(Topics.REFERRALS, 0, 7L, CHILD, share);
    }

    /** The share, new to the chronology, school-a and csc-a party to it: its feed copies, acknowledged when this is. */
    private CompletableFuture<Void> feedCopiesOfANewAct() {
        when(chronology.record(any())).thenReturn(new ChronologyProjection.Recorded(true, Set.of("school-a", "csc-a")));
        CompletableFuture<Void> copies = new CompletableFuture<>();
        when(feeds.send(eq(CHILD), any(), anySet())).thenReturn(copies);
        return copies;
    }

    @Test
    void aFeedCopyTheBrokerRefuses_failsTheRecord_afterTheRestOfItsWork_soItIsDeliveredAgain() throws Exception {
        CompletableFuture<Void> copies = feedCopiesOfANewAct();
        // the broker refuses the copies while the listener looks for patterns: the copies were on their way meanwhile
        when(patterns.lookAfter(eq(CHILD), any())).thenAnswer(call -> {
            copies.completeExceptionally(new TimeoutException("broker unavailable"));
            return List.of();
        });

        assertThatThrownBy(() -> listener.on(aShare()))
                .isInstanceOf(ExecutionException.class)
                .hasRootCauseInstanceOf(TimeoutException.class);

        InOrder order = inOrder(chronology, feeds, webhooks, leads, patterns);
        order.verify(chronology).record(any());
        order.verify(feeds).send(eq(CHILD), any(), anySet());
        order.verify(webhooks).enqueue(anyString(), any(), anyString(), any(), anySet());
        order.verify(leads).afterAct(any());
        order.verify(patterns).lookAfter(eq(CHILD), any());
        order.verify(leads, never()).made(any());
    }

    @Test
    void anActIsDoneWith_onceTheBrokerHasEveryFeedCopy() throws Exception {
        CompletableFuture<Void> copies = feedCopiesOfANewAct();
        when(patterns.lookAfter(eq(CHILD), any())).thenAnswer(call -> {
            assertThat(copies).as("not waited for before the rest of the act's work").isNotDone();
            copies.complete(null);
            return List.of();
        });

        LeadAnnouncements.Announcing announcing = new LeadAnnouncements.Announcing(null, new CompletableFuture<>());
        when(leads.afterAct(any())).thenReturn(announcing);

        listener.on(aShare());

        assertThat(copies).isCompleted();
        // a change of lead is noted as made last, once the broker has the copies
        InOrder order = inOrder(patterns, leads);
        order.verify(patterns).lookAfter(eq(CHILD), any());
        order.verify(leads).made(announcing);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aChangeOfLead_isSentAtOnce_andNotedAsAnnouncedOnlyOnceTheBrokerHasIt() throws Exception {
        KafkaTemplate<String, SpecificRecord> kafka =
                mock(KafkaTemplate.class);
        CompletableFuture<SendResult<String, SpecificRecord>> sent =
                new CompletableFuture<>();
        when(kafka.send(eq(Topics.CHRONOLOGY), eq(CHILD), any())).thenReturn(sent);
        ChronologyProjection.Leads changed = new ChronologyProjection.Leads(CHILD, "area-a", Set.of("csc-a"));
        when(chronology.unannouncedLeads(CHILD)).thenReturn(Optional.of(changed));
        LeadAnnouncements announcements = new LeadAnnouncements(chronology, kafka);

        LeadAnnouncements.Announcing announcing =
                announcements.afterAct(((InformationShared) aShare().value()).getEnvelope());

        assertThat(announcing.sent()).as("sent, not waited for").isNotDone();
        sent.completeExceptionally(new TimeoutException("broker unavailable"));
        assertThatThrownBy(() -> announcements.made(announcing)).hasRootCauseInstanceOf(TimeoutException.class);
        verify(chronology, never()).announced(any());

        CompletableFuture<SendResult<String, SpecificRecord>> again =
                CompletableFuture.completedFuture(null);
        when(kafka.send(eq(Topics.CHRONOLOGY), eq(CHILD), any())).thenReturn(again);
        announcements.made(announcements.afterAct(((InformationShared) aShare().value()).getEnvelope()));
        verify(chronology).announced(changed);
    }
}
