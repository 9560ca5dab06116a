package org.safeguarding.backbone.referrals.share.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.referrals.share.web.ShareApiTest;
import org.safeguarding.backbone.testsupport.BackboneInfrastructure;
import org.safeguarding.backbone.testsupport.TopicReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue 10: one share followed by its trace. The request's W3C trace context ({@code traceparent}) goes into the
 * events' metadata when they are stored, and the publisher, later and in another thread, sends the record in the same
 * trace: its {@code traceparent} header carries the request's trace id, for the consumers to continue.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles({"local", "test"})
class TraceAcrossKafkaTest {

    private static final String CHILD = "9990001731";
    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry properties) {
        BackboneInfrastructure.kafkaAndRegistry(properties);
    }

    @Autowired MockMvc mvc;
    @Autowired List<MeterRegistry> meters;

    @Test
    void theRecordOfAShare_carriesTheTraceOfTheRequestThatMadeIt() throws Exception {
        mvc.perform(post("/api/shares").contentType(MediaType.APPLICATION_JSON)
                        .content(ShareApiTest.VALID.replace(ShareApiTest.CHILD, CHILD))
                        .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                        .with(ShareApiTest.as("school-a")))
                .andExpect(status().isCreated());

        try (TopicReader<SpecificRecord> records = TopicReader.avro(Topics.REFERRALS)) {
            List<ConsumerRecord<String, SpecificRecord>> shared = records.await(r -> CHILD.equals(r.key())
                    && r.value() instanceof InformationShared, 1, Duration.ofSeconds(60));
            Header traceparent = shared.get(0).headers().lastHeader("traceparent");
            assertThat(traceparent).as("the record's trace context").isNotNull();
            assertThat(new String(traceparent.value(), StandardCharsets.UTF_8)).startsWith("00-" + TRACE_ID + "-");
        }
    }

    /** Tracing came with a metrics registry pushing to localhost:4318 every minute; metrics are scraped instead. */
    @Test
    void noMetricsArePushedAnywhere_theyAreScraped() {
        assertThat(meters).extracting(registry -> registry.getClass().getSimpleName())
                .noneMatch(name -> name.contains("Otlp")).anyMatch(name -> name.contains("Prometheus"));
    }
}
