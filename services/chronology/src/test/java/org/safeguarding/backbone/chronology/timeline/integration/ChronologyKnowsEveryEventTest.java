package org.safeguarding.backbone.chronology.timeline.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.testsupport.architecture.AvroSamples;
import org.safeguarding.backbone.testsupport.architecture.ContractEvents;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * The chronology knows every event on every topic it reads: a record type added to a contract, and published on a
 * topic the chronology listens to, fails here until the chronology says what it means for a child's history.
 * Otherwise it would go to the dead-letter topic, and be missing from every chronology.
 */
class ChronologyKnowsEveryEventTest {

    /** The topics the chronology listens to, as its listener declares them. */
    static List<String> topicsRead() throws NoSuchMethodException {
        KafkaListener listener = ChronologyListener.class
                .getMethod("on", org.apache.kafka.clients.consumer.ConsumerRecord.class)
                .getAnnotation(KafkaListener.class);
        return Arrays.asList(listener.topics());
    }

    @Test
    void theContractsAreFound() throws Exception {
        assertThat(topicsRead()).contains(Topics.REFERRALS, Topics.FEEDBACK, Topics.TRANSITIONS);
        assertThat(ContractEvents.on(Topics.REFERRALS)).contains(InformationShared.class);
        for (String topic : topicsRead()) {
            assertThat(ContractEvents.on(topic)).as(topic).isNotEmpty();
        }
    }

    @Test
    void everyEventOnEveryTopicReadHasAChronologyEntry() throws Exception {
        for (String topic : topicsRead()) {
            for (Class<? extends SpecificRecord> type : ContractEvents.on(topic)) {
                SpecificRecord sample = AvroSamples.of(type);

                ChronologyEvent event = ChronologyEvent.of(sample);

                String name = SpecificData.get().getSchema(type).getName();
                assertThat(event.type()).as("%s on %s", name, topic).isEqualTo(name);
                assertThat(event.summary()).as(name).isNotBlank();
                assertThat(event.parties()).as(name).isNotEmpty();
                assertThat(event.subject()).as("%s: the record the act concerns", name).matches("[a-z]+:.+");
            }
        }
    }
}
