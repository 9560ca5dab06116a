package org.safeguarding.backbone.testsupport;

import java.util.Map;
import org.safeguarding.backbone.localinfra.KafkaAccess;
import org.safeguarding.backbone.localinfra.LocalAgencies;
import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.localinfra.LocalSchemaRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Kafka broker and schema registry a test talks to: started on first use, on free 127.0.0.1 ports, once per
 * test JVM (Spring caches contexts across test classes, and they share these), stopped when the JVM exits. The
 * broker has the backbone's topics and ACLs for the local agencies ({@link KafkaAccess}); a service under test
 * connects as the super user, so that a test can stand in for the other services and agency systems (the ACLs
 * themselves are tested in platform/local-infra, and with each service as itself end to end in infra/launcher).
 *
 * <pre>{@code
 * @DynamicPropertySource
 * static void infrastructure(DynamicPropertyRegistry properties) {
 *     BackboneInfrastructure.kafkaAndRegistry(properties);
 * }
 * }</pre>
 */
public final class BackboneInfrastructure {

    private static LocalKafkaBroker broker;
    private static LocalSchemaRegistry registry;

    private BackboneInfrastructure() {
    }

    public static synchronized LocalKafkaBroker broker() {
        if (broker == null) {
            broker = LocalKafkaBroker.startTemporary(KafkaAccess.forAgencies(LocalAgencies.fromClasspath()));
            LocalKafkaBroker started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-kafka"));
        }
        return broker;
    }

    public static synchronized LocalSchemaRegistry registry() {
        if (registry == null) {
            registry = LocalSchemaRegistry.startTemporary();
            LocalSchemaRegistry started = registry;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-test-registry"));
        }
        return registry;
    }

    /** How a test's own client connects: as {@code principal} (an agency, a service, or the super user). */
    public static Map<String, Object> kafkaClient(String principal) {
        return broker().clientConfig(principal);
    }

    /** Points a Spring context at the broker and the registry. */
    public static void kafkaAndRegistry(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", () -> broker().bootstrapServers());
        LocalKafkaBroker.saslConfig(LocalKafkaBroker.ADMIN).forEach((key, value) ->
                properties.add("spring.kafka.properties." + key, () -> value));
        properties.add("backbone.messaging.registry-url", () -> registry().url());
    }
}
