package org.safeguarding.backbone.testsupport;

import org.safeguarding.backbone.localinfra.LocalKafkaBroker;
import org.safeguarding.backbone.localinfra.LocalSchemaRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The real Kafka broker and schema registry a test talks to: started on first use, on free 127.0.0.1 ports, once per
 * test JVM (Spring caches contexts across test classes, and they share these), stopped when the JVM exits.
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
            broker = LocalKafkaBroker.startTemporary();
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

    /** Points a Spring context at the broker and the registry. */
    public static void kafkaAndRegistry(DynamicPropertyRegistry properties) {
        properties.add("spring.kafka.bootstrap-servers", () -> broker().bootstrapServers());
        properties.add("backbone.messaging.registry-url", () -> registry().url());
    }
}
