package org.safeguarding.backbone.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.messaging.Correlation;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class KafkaIntegrationPublisherTest {

    record SomethingHappened(String childId) {
    }

    private final EventMessage<SomethingHappened> stored = GenericEventMessage
            .<SomethingHappened>asEventMessage(new SomethingHappened("9990000018"))
            .withMetaData(MetaData.from(Map.of(Correlation.CORRELATION_ID, "conversation-1",
                    Correlation.CAUSATION_ID, "cause-1")));

    private final IntegrationEventMapper mapper = message -> message.getPayload() instanceof SomethingHappened e
            ? Optional.of(new IntegrationEvent("topic", e.childId(),
                    Envelopes.of(message, e.childId(), "school-a", Instant.parse("2026-11-20T09:00:00Z"))))
            : Optional.empty();

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, SpecificRecord> kafka = mock(KafkaTemplate.class);
    private final JdbcTemplate jdbc = parkedEventTable();
    private final PublisherFailures failures = new PublisherFailures(Clock.systemUTC());
    private final ParkedEvents parked = new ParkedEvents(jdbc);

    /** The table as db/publishing creates it, in an H2 database of this test's own. */
    private static JdbcTemplate parkedEventTable() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:publisher-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        JdbcTemplate jdbc = new JdbcTemplate(h2);
        try (var sql = KafkaIntegrationPublisherTest.class.getResourceAsStream("/db/publishing/R__parked_event.sql")) {
            jdbc.execute(new String(sql.readAllBytes(), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return jdbc;
    }

    private KafkaIntegrationPublisher publisher(IntegrationEventMapper mapper) {
        return new KafkaIntegrationPublisher(kafka, List.of(mapper), failures, parked);
    }

    @Test
    void aFailedSendIsThrown_soTheProcessorRetriesTheEventInsteadOfSkippingIt() {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new TimeoutException("broker unavailable")));
        KafkaIntegrationPublisher publisher = publisher(mapper);

        assertThatThrownBy(() -> publisher.on(stored.getPayload(), stored))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("broker unavailable");
        assertThatThrownBy(() -> publisher.on(stored.getPayload(), stored)).isInstanceOf(ExecutionException.class);
        assertThat(failures.stuck()).hasValueSatisfying(stuck -> {
            assertThat(stuck.eventId()).isEqualTo(stored.getIdentifier());
            assertThat(stuck.attempts()).isEqualTo(2);
            assertThat(stuck.reason()).isEqualTo("ExecutionException <- TimeoutException");
        });
    }

    @Test
    void anEventAnOperatorParked_isSkippedWhenItFailsAgain_andThePublisherGoesOn() throws Exception {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new RecordTooLargeException("too large")));
        KafkaIntegrationPublisher publisher = publisher(mapper);
        assertThatThrownBy(() -> publisher.on(stored.getPayload(), stored)).isInstanceOf(ExecutionException.class);

        parked.park(failures.stuck().orElseThrow(), "operator", Instant.now());
        publisher.on(stored.getPayload(), stored);

        assertThat(failures.stuck()).isEmpty();
        assertThat(parked.waiting()).isEqualTo(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRecordIsKeyedByChild_andItsEnvelopeCarriesTheStoredEventsIdentityAndCorrelation() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaIntegrationPublisher publisher = publisher(mapper);

        publisher.on(stored.getPayload(), stored);

        var sent = org.mockito.ArgumentCaptor.forClass(ProducerRecord.class);
        verify(kafka).send(sent.capture());
        ProducerRecord<String, SpecificRecord> record = sent.getValue();
        assertThat(record.key()).isEqualTo("9990000018");
        Envelope envelope = (Envelope) record.value();
        assertThat(envelope.getEventId()).isEqualTo(stored.getIdentifier());
        assertThat(envelope.getRecordedAt()).isEqualTo(stored.getTimestamp().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        assertThat(envelope.getCorrelationId()).isEqualTo("conversation-1");
        assertThat(envelope.getCausationId()).isEqualTo("cause-1");
    }

    @Test
    void eventsNoMapperClaimsAreNotPublished() throws Exception {
        KafkaIntegrationPublisher publisher = publisher(message -> Optional.empty());

        publisher.on(stored.getPayload(), stored);

        verify(kafka, never()).send(any(ProducerRecord.class));
    }

    @Test
    void eachRecordTheBrokerAcknowledged_isCountedWhenItRecordsADeadlineMissed() throws Exception {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        List<SpecificRecord> told = new ArrayList<>();
        KafkaIntegrationPublisher publisher = publisher(mapper);
        publisher.onPublished(record -> {
            told.add(record);
            new OverdueActs(registry).accept(record);
        });
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new TimeoutException("broker unavailable")))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

        assertThatThrownBy(() -> publisher.on(stored.getPayload(), stored)).isInstanceOf(ExecutionException.class);
        assertThat(told).as("not told of a record the broker did not take").isEmpty();
        publisher.on(stored.getPayload(), stored);
        assertThat(told).hasSize(1);
        assertThat(registry.find(OverdueActs.METRIC).counters()).as("an envelope records no deadline").isEmpty();

        SpecificRecord overdue = mock(SpecificRecord.class);
        when(overdue.getSchema()).thenReturn(SchemaBuilder.record("FeedbackOverdue").fields().endRecord());
        new OverdueActs(registry).accept(overdue);
        assertThat(registry.get(OverdueActs.METRIC).tag("event", "FeedbackOverdue").counter().count()).isEqualTo(1.0);
    }

    /** Three events about three children, as the processor hands them over in one batch. */
    private static List<EventMessage<?>> batchOfThree() {
        List<EventMessage<?>> batch = new ArrayList<>();
        for (String child : List.of("9990000018", "9990000026", "9990000034")) {
            batch.add(GenericEventMessage.asEventMessage(new SomethingHappened(child)));
        }
        return batch;
    }

    /**
     * Runs {@code batch} through the publisher as the tracking processor does: one unit of work, the handler called
     * for each event in it, then the commit; throws what the processor would see.
     */
    private static void processAsOneBatch(KafkaIntegrationPublisher publisher, List<EventMessage<?>> batch)
            throws Throwable {
        BatchingUnitOfWork<EventMessage<?>> unitOfWork = new BatchingUnitOfWork<>(batch);
        var result = unitOfWork.executeWithResult(() -> {
            EventMessage<?> event = unitOfWork.getMessage();
            publisher.on(event.getPayload(), event);
            return null;
        }, RollbackConfigurationType.ANY_THROWABLE);
        if (result.isExceptional()) {
            throw result.exceptionResult();
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void aBatchIsSentWhole_beforeItWaitsOnceForTheBroker_andEachRecordIsCountedOnceAcknowledged() throws Throwable {
        List<CompletableFuture<SendResult<String, SpecificRecord>>> answers = new ArrayList<>();
        List<String> sentChildren = new ArrayList<>();
        when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> {
            sentChildren.add(((ProducerRecord<String, SpecificRecord>) call.getArgument(0)).key());
            CompletableFuture<SendResult<String, SpecificRecord>> answer = new CompletableFuture<>();
            answers.add(answer);
            if (answers.size() == 3) {
                // the broker answers only once all three are sent: were each waited for in turn, this never came
                answers.forEach(a -> a.complete(mock(SendResult.class)));
            }
            return answer;
        });
        List<SpecificRecord> told = new ArrayList<>();
        KafkaIntegrationPublisher publisher = publisher(mapper);
        publisher.onPublished(told::add);

        processAsOneBatch(publisher, batchOfThree());

        assertThat(sentChildren).as("in the store's order").containsExactly("9990000018", "9990000026", "9990000034");
        assertThat(told).hasSize(3);
        assertThat(failures.stuck()).isEmpty();
    }

    /** The broker takes the first and third records and refuses the second, after the third was sent. */
    @SuppressWarnings("unchecked")
    private void secondRefusedOnceTheThirdIsSent(Exception refusal) {
        CompletableFuture<SendResult<String, SpecificRecord>> second = new CompletableFuture<>();
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)))
                .thenReturn(second)
                .thenAnswer(call -> {
                    second.completeExceptionally(refusal);
                    return CompletableFuture.completedFuture(mock(SendResult.class));
                });
    }

    @Test
    void aRecordTheBrokerRefuses_failsTheWholeBatch_soThatItIsSentAgainFromItsFirstEvent() {
        secondRefusedOnceTheThirdIsSent(new TimeoutException("broker unavailable"));
        List<SpecificRecord> told = new ArrayList<>();
        KafkaIntegrationPublisher publisher = publisher(mapper);
        publisher.onPublished(told::add);
        List<EventMessage<?>> batch = batchOfThree();

        assertThatThrownBy(() -> processAsOneBatch(publisher, batch))
                .hasMessageContaining("the batch is sent again")
                .hasRootCauseInstanceOf(TimeoutException.class);
        assertThat(failures.stuck()).hasValueSatisfying(stuck ->
                assertThat(stuck.eventId()).isEqualTo(batch.get(1).getIdentifier()));
        assertThat(told).as("told only of the record acknowledged before the refused one").hasSize(1);
    }

    @Test
    @SuppressWarnings("unchecked")
    void aRecordThatFailsAtOnce_stopsTheBatchThere_nothingAfterItIsSent() {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)))
                .thenReturn(CompletableFuture.failedFuture(new RecordTooLargeException("too large")))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaIntegrationPublisher publisher = publisher(mapper);

        assertThatThrownBy(() -> processAsOneBatch(publisher, batchOfThree()))
                .hasRootCauseInstanceOf(RecordTooLargeException.class);
        verify(kafka, org.mockito.Mockito.times(2)).send(any(ProducerRecord.class));
    }

    @Test
    @SuppressWarnings("unchecked")
    void aParkedEventTheBrokerRefusesInABatch_isSkipped_andTheRestOfTheBatchCommits() throws Throwable {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new RecordTooLargeException("too large")));
        List<EventMessage<?>> batch = batchOfThree();
        KafkaIntegrationPublisher publisher = publisher(mapper);
        assertThatThrownBy(() -> publisher.on(batch.get(1).getPayload(), batch.get(1)))
                .isInstanceOf(ExecutionException.class);
        parked.park(failures.stuck().orElseThrow(), "operator", Instant.now());
        secondRefusedOnceTheThirdIsSent(new RecordTooLargeException("too large"));

        processAsOneBatch(publisher, batch);

        assertThat(failures.stuck()).isEmpty();
    }
}
