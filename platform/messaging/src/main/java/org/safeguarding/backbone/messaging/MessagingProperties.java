package org.safeguarding.backbone.messaging;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code backbone.messaging.*}: where the schema registry is, whether this service may register new schema
 * versions in it (the embedded default does; a production registry is usually managed, with registration off), and
 * {@code registry-properties.*}: settings passed as they are to the registry's clients (the serdes), as {@code
 * spring.kafka.properties.*} are to Kafka's: how to authenticate ({@code apicurio.registry.auth.username} and
 * {@code .password}, or {@code .client.id}, {@code .client.secret} and {@code .service.token.endpoint}) and whom to
 * trust ({@code apicurio.registry.tls.truststore.location} ...).
 */
@ConfigurationProperties("backbone.messaging")
public record MessagingProperties(String registryUrl, Boolean autoRegisterSchemas,
                                  Map<String, String> registryProperties) {

    public MessagingProperties {
        if (autoRegisterSchemas == null) {
            autoRegisterSchemas = Boolean.TRUE;
        }
        registryProperties = registryProperties == null ? Map.of() : Map.copyOf(registryProperties);
    }

    /** The Apicurio v2 API the serdes talk to; its ids are the Confluent-compatible ids. */
    public String registryApiUrl() {
        if (registryUrl == null || registryUrl.isBlank()) {
            throw new IllegalStateException("backbone.messaging.registry-url is not set: it names the schema registry, "
                    + "e.g. http://127.0.0.1:18081");
        }
        String base = registryUrl.endsWith("/") ? registryUrl.substring(0, registryUrl.length() - 1) : registryUrl;
        return base.endsWith("/apis/registry/v2") ? base : base + "/apis/registry/v2";
    }
}
