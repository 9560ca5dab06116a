package org.safeguarding.backbone.messaging;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * A service outside the {@code local} profile refuses to start, before it connects to anything, on settings that
 * would carry or keep children's data unprotected (issue 12, docs/architecture.md "Deployment"): Kafka without TLS
 * ({@code SSL} or {@code SASL_SSL}) or with the broker's host name unchecked, a schema registry over plain HTTP or
 * without credentials, the database's default H2 {@code sa} account, a key store not shared by the four services
 * ({@code backbone.child-keys.datasource.url}, ADR 0015), or HTTP without TLS (unless the deployment says
 * TLS ends in front of the service, {@value #HTTP_TLS_IN_FRONT}). Each refusal names the setting and what to set.
 *
 * <p>The local profile (./run, the tests) runs on 127.0.0.1 only, with development credentials, and is exempt.
 */
public class DeploymentSafeguards implements EnvironmentPostProcessor, Ordered {

    /** The profile of ./run and the tests: development credentials, 127.0.0.1 only. */
    public static final String LOCAL_PROFILE = "local";

    /** Set true where a load balancer or ingress ends TLS in front of the service, on a private network. */
    static final String HTTP_TLS_IN_FRONT = "backbone.security.http-tls-in-front";

    private static final String REGISTRY = "backbone.messaging.registry-properties.";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        List<String> problems = problems(environment);
        if (!problems.isEmpty()) {
            throw new IllegalStateException("This service will not start outside the 'local' profile with settings "
                    + "that leave children's data unprotected:\n  - " + String.join("\n  - ", problems)
                    + "\n(see docs/architecture.md, \"Deployment\"; the embedded default is ./run)");
        }
    }

    /**
     * What is unsafe in {@code environment}, one sentence each; nothing under the local profile. Public so that a
     * deployment's settings can be checked before they are deployed (infra/deploy, DeploymentDescriptorsTest).
     */
    public static List<String> problems(Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return List.of();
        }
        List<String> problems = new ArrayList<>();
        kafka(environment, problems);
        registry(environment, problems);
        database(environment, problems);
        keyStore(environment, problems);
        http(environment, problems);
        return problems;
    }

    private static void kafka(Environment environment, List<String> problems) {
        String protocol = first(environment, "spring.kafka.security.protocol",
                "spring.kafka.properties.security.protocol", "PLAINTEXT");
        if (!List.of("SSL", "SASL_SSL").contains(protocol.trim().toUpperCase(Locale.ROOT))) {
            problems.add("Kafka is reached over " + protocol + ": set spring.kafka.security.protocol to SASL_SSL "
                    + "(or SSL, mutual TLS) and the broker's CA in spring.kafka.ssl.trust-store-location");
        }
        String verification = environment.getProperty("spring.kafka.properties.ssl.endpoint.identification.algorithm");
        if (verification != null && verification.isBlank()) {
            problems.add("Kafka clients would not check the broker's host name "
                    + "(spring.kafka.properties.ssl.endpoint.identification.algorithm is empty): remove it");
        }
    }

    private static void registry(Environment environment, List<String> problems) {
        String url = environment.getProperty("backbone.messaging.registry-url", "");
        if (!url.trim().toLowerCase(Locale.ROOT).startsWith("https://")) {
            problems.add("the schema registry is reached over plain HTTP (backbone.messaging.registry-url=" + url
                    + "): give its https:// address");
        }
        boolean basic = present(environment, REGISTRY + SchemaResolverConfig.AUTH_USERNAME)
                && present(environment, REGISTRY + SchemaResolverConfig.AUTH_PASSWORD);
        boolean client = present(environment, REGISTRY + SchemaResolverConfig.AUTH_CLIENT_ID)
                && present(environment, REGISTRY + SchemaResolverConfig.AUTH_CLIENT_SECRET)
                && present(environment, REGISTRY + SchemaResolverConfig.AUTH_TOKEN_ENDPOINT);
        if (!basic && !client) {
            problems.add("the schema registry is called without credentials: set " + REGISTRY
                    + SchemaResolverConfig.AUTH_CLIENT_ID + ", ." + "client.secret and .service.token.endpoint (or "
                    + REGISTRY + SchemaResolverConfig.AUTH_USERNAME + " and .password)");
        }
        if (Boolean.parseBoolean(environment.getProperty(REGISTRY + SchemaResolverConfig.TLS_TRUST_ALL, "false"))) {
            problems.add("the schema registry's certificate would not be checked (" + REGISTRY
                    + SchemaResolverConfig.TLS_TRUST_ALL + "=true): name its CA in " + REGISTRY
                    + SchemaResolverConfig.TLS_TRUSTSTORE_LOCATION + " instead");
        }
    }

    private static void database(Environment environment, List<String> problems) {
        String user = environment.getProperty("spring.datasource.username", "");
        String url = environment.getProperty("spring.datasource.url", "");
        if (user.trim().equalsIgnoreCase("sa")) {
            problems.add("the database is opened with the default 'sa' account (spring.datasource.username): use "
                    + "the service's own account, with its password from the environment (the postgres profile)");
        } else if (url.startsWith("jdbc:h2:") && environment.getProperty("spring.datasource.password", "").isBlank()) {
            problems.add("the H2 store has no password (spring.datasource.password): outside ./run, use the postgres "
                    + "profile");
        }
    }

    /**
     * The four services share one key store (ADR 0015): a service on a store of its own seals with keys the others do
     * not hold, so its records on Kafka would not open in them, and an erasure would miss its copies.
     */
    private static void keyStore(Environment environment, List<String> problems) {
        String url = environment.getProperty("backbone.child-keys.datasource.url", "");
        if (url.isBlank()) {
            problems.add("the children's keys would be kept in the service's own database "
                    + "(backbone.child-keys.datasource.url is not set): name the key store the four services share, "
                    + "with its account in backbone.child-keys.datasource.username and .password");
        } else if (url.startsWith("jdbc:h2:")) {
            problems.add("the children's key store is an H2 database (backbone.child-keys.datasource.url): outside "
                    + "./run, name the PostgreSQL database the four services share");
        }
    }

    private static void http(Environment environment, List<String> problems) {
        boolean tls = environment.getProperty("server.ssl.enabled", Boolean.class, true)
                && (present(environment, "server.ssl.bundle") || present(environment, "server.ssl.key-store")
                        || present(environment, "server.ssl.certificate"));
        if (!tls && !environment.getProperty(HTTP_TLS_IN_FRONT, Boolean.class, false)) {
            problems.add("HTTP is served without TLS: set server.ssl.bundle (or server.ssl.certificate and "
                    + ".certificate-private-key), or, where a load balancer ends TLS in front of the service on a "
                    + "private network, " + HTTP_TLS_IN_FRONT + "=true");
        }
    }

    private static String first(Environment environment, String name, String otherwise, String fallback) {
        return present(environment, name) ? environment.getProperty(name)
                : present(environment, otherwise) ? environment.getProperty(otherwise) : fallback;
    }

    private static boolean present(Environment environment, String name) {
        String value = environment.getProperty(name);
        return value != null && !value.isBlank();
    }

    /** After the configuration files are read (Boot's own processors), before any bean is made. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }
}
