package org.safeguarding.backbone.localinfra;

import java.util.Map;

/**
 * Kafka on this machine, as the backbone's launcher and tests use it: one broker in this JVM ({@link LocalKafkaBroker},
 * the embedded default) or a replicated cluster of broker processes ({@link LocalKafkaCluster}). Either way every
 * client authenticates as a principal and the brokers allow only what an ACL grants.
 */
public interface LocalKafka extends AutoCloseable {

    /** {@code host:port} of every broker, comma-separated. */
    String bootstrapServers();

    /** Everything a client needs to connect as {@code principal} (a service, an agency, or the super user). */
    Map<String, Object> clientConfig(String principal);

    /** Creates {@code access}'s topics (replicated as this Kafka can) and ACLs, as the super user. */
    void apply(KafkaAccess access);

    @Override
    void close();
}
