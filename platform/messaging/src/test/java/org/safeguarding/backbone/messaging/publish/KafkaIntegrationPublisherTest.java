package org.safeguarding.backbone.messaging.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.MetaData;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.messaging.Correlation;
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

    @Test
    void aFailedSendIsThrown_soTheProcessorRetriesTheEventInsteadOfSkippingIt() {
        when(kafka.send(any(ProducerRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new TimeoutException("broker unavailable")));
        KafkaIntegrationPublisher publisher = new KafkaIntegrationPublisher(kafka, List.of(mapper));

        assertThatThrownBy(() -> publisher.on(stored.getPayload(), stored))
                .isInstanceOf(ExecutionException.class)
                .hasMessageContaining("broker unavailable");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theRecordIsKeyedByChild_andItsEnvelopeCarriesTheStoredEventsIdentityAndCorrelation() throws Exception {
        when(kafka.send(any(ProducerRecord.class))).thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        KafkaIntegrationPublisher publisher = new KafkaIntegrationPublisher(kafka, List.of(mapper));

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
        KafkaIntegrationPublisher publisher = new KafkaIntegrationPublisher(kafka, List.of(message -> Optional.empty()));

        publisher.on(stored.getPayload(), stored);

        verify(kafka, never()).send(any(ProducerRecord.class));
    }
}
