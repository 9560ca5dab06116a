package org.safeguarding.backbone.messaging.consume;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.kafka.listener.ListenerExecutionFailedException;
import org.springframework.kafka.support.serializer.DeserializationException;

class ConsumerFailuresTest {

    /** The registry's deserializer, pointed at a port nothing listens on: the registry is down. */
    private static Throwable decodingWithTheRegistryDown(byte[] value) {
        AvroKafkaDeserializer<Object> avro = new AvroKafkaDeserializer<>();
        avro.configure(Map.of(SchemaResolverConfig.REGISTRY_URL, "http://127.0.0.1:1/apis/registry/v2"), false);
        Throwable failure = catchThrowable(() -> avro.deserialize("safeguarding.referrals.events.v1", value));
        assertThat(failure).as("the deserializer failed").isNotNull();
        return new ListenerExecutionFailedException("listener failed",
                new DeserializationException("failed to deserialize", value, false, failure));
    }

    @Test
    void aRecordInTheWireFormat_undecodableOnlyBecauseTheRegistryIsDown_isTriedAgain() {
        byte[] confluentWireFormat = {0, 0, 0, 0, 7, 2, 4, 6};
        assertThat(ConsumerFailures.canNeverSucceed(decodingWithTheRegistryDown(confluentWireFormat))).isFalse();
    }

    @Test
    void bytesThatAreNotTheWireFormat_canNeverSucceed() {
        byte[] notAvro = "not avro at all".getBytes(StandardCharsets.UTF_8);
        assertThat(ConsumerFailures.canNeverSucceed(decodingWithTheRegistryDown(notAvro))).isTrue();
    }

    @Test
    void whatTheListenerDeclaresUnprocessable_canNeverSucceed() {
        assertThat(ConsumerFailures.canNeverSucceed(new ListenerExecutionFailedException("listener failed",
                new UnprocessableRecord("not a ShareInformation request")))).isTrue();
    }

    @Test
    void theDatabaseDown_orAFailureNobodyForesaw_isTriedAgain() {
        assertThat(ConsumerFailures.canNeverSucceed(new ListenerExecutionFailedException("listener failed",
                new CannotGetJdbcConnectionException("no connection", new SQLException("refused", "08001")))))
                .isFalse();
        assertThat(ConsumerFailures.canNeverSucceed(new ListenerExecutionFailedException("listener failed",
                new DataIntegrityViolationException("value too long")))).isFalse();
        assertThat(ConsumerFailures.canNeverSucceed(new ListenerExecutionFailedException("listener failed",
                new NullPointerException()))).isFalse();
    }
}
