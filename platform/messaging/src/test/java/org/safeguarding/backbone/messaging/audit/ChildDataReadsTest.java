package org.safeguarding.backbone.messaging.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.concurrent.CompletableFuture;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.access.v1.ChildDataRead;
import org.safeguarding.backbone.kernel.agency.ActingPractitioner;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;

class ChildDataReadsTest {

    @SuppressWarnings("unchecked")
    private final KafkaTemplate<String, SpecificRecord> kafka = mock(KafkaTemplate.class);
    private final LeadAgencies leads = mock(LeadAgencies.class);
    private final ChildDataReads reads = new ChildDataReads(kafka, "referrals", leads);

    @Test
    void aRecordIsReadByItsParties_andTheChildsLeadAgency_andEveryReadSaysOnWhatBasis() {
        when(kafka.send(eq(Topics.ACCESS), anyString(), any(SpecificRecord.class)))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));
        when(leads.leads("csc-b", "9990000018")).thenReturn(true);

        // the school's read by the practitioner its token named; the others' tokens named nobody
        try (ActingPractitioner.Scope acting = ActingPractitioner.actingAs("Head of year (synthetic) 3")) {
            assertThat(reads.readRecord("school-a", "9990000018", "share:s-1", true)).isTrue();
        }
        assertThat(reads.readRecord("csc-b", "9990000018", "share:s-1", false)).isTrue();
        assertThat(reads.readRecord("police-a", "9990000018", "share:s-1", false)).isFalse();

        ArgumentCaptor<SpecificRecord> sent = ArgumentCaptor.forClass(SpecificRecord.class);
        verify(kafka, times(3)).send(eq(Topics.ACCESS), eq("9990000018"), sent.capture());
        assertThat(sent.getAllValues()).extracting(record -> (ChildDataRead) record)
                .extracting(read -> read.getEnvelope().getActingAgency() + " " + read.getGranted() + " "
                        + read.getBasis() + " " + read.getEnvelope().getActingPractitioner())
                .containsExactly("school-a true PARTY Head of year (synthetic) 3", "csc-b true LEAD_AGENCY null",
                        "police-a false null null");
    }

    @Test
    void aReadThatLosesTheSchemaRegistrationRace_isRecordedOnTheNextAttempt() {
        when(kafka.send(eq(Topics.ACCESS), anyString(), any(SpecificRecord.class)))
                .thenThrow(new SerializationException("artifact already exists"))
                .thenReturn(CompletableFuture.completedFuture(mock(SendResult.class)));

        assertThatCode(() -> reads.readRecord("csc-a", "9990000018", "share:s-1", true)).doesNotThrowAnyException();
        verify(kafka, times(2)).send(eq(Topics.ACCESS), eq("9990000018"), any(SpecificRecord.class));
    }

    @Test
    void aReadThatCannotBeRecorded_isNotAnswered() {
        when(kafka.send(eq(Topics.ACCESS), anyString(), any(SpecificRecord.class)))
                .thenReturn(CompletableFuture.failedFuture(new IllegalStateException("broker down")));

        assertThatThrownBy(() -> reads.readRecord("csc-a", "9990000018", "share:s-1", true))
                .isInstanceOf(ChildDataReads.ReadNotRecorded.class);
        verify(kafka, times(ChildDataReads.ATTEMPTS)).send(eq(Topics.ACCESS), anyString(), any(SpecificRecord.class));
    }
}
