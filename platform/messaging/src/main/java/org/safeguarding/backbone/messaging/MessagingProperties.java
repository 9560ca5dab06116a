package org.safeguarding.backbone.messaging;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code backbone.messaging.*}: where the schema registry is, and whether this service may register new schema
 * versions in it (the embedded default does; a production registry is usually managed, with registration off).
 */
@ConfigurationProperties("backbone.messaging")
public record MessagingProperties(String registryUrl, Boolean autoRegisterSchemas) {

    public MessagingProperties {
        if (autoRegisterSchemas == null) {
            autoRegisterSchemas = Boolean.TRUE;
        }
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
