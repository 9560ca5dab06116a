package org.safeguarding.backbone.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.annotation.Configuration;
import org.springframework.mock.env.MockEnvironment;

/** Outside the local profile a service refuses to start on settings that leave children's data unprotected. */
class DeploymentSafeguardsTest {

    /** What a production deployment sets (docs/architecture.md, "Deployment"); the values are examples. */
    private static MockEnvironment production() {
        return new MockEnvironment()
                .withProperty("spring.kafka.security.protocol", "SASL_SSL")
                .withProperty("backbone.messaging.registry-url", "https://registry.example.invalid")
                .withProperty("backbone.messaging.registry-properties.apicurio.registry.auth.client.id", "referrals")
                .withProperty("backbone.messaging.registry-properties.apicurio.registry.auth.client.secret", "x")
                .withProperty("backbone.messaging.registry-properties.apicurio.registry.auth.service.token.endpoint",
                        "https://idp.example.invalid/token")
                .withProperty("spring.datasource.url", "jdbc:postgresql://db.example.invalid/referrals")
                .withProperty("spring.datasource.username", "referrals")
                .withProperty("backbone.child-keys.datasource.url", "jdbc:postgresql://db.example.invalid/child_keys")
                .withProperty("server.ssl.bundle", "backbone");
    }

    @Test
    void aProductionDeployment_withTlsEverywhereAndItsOwnAccounts_starts() {
        assertThat(DeploymentSafeguards.problems(production())).isEmpty();
        MockEnvironment basicAuthBehindAProxy = production()
                .withProperty("backbone.messaging.registry-properties.apicurio.registry.auth.client.id", "")
                .withProperty("backbone.messaging.registry-properties.apicurio.registry.auth.username", "referrals")
                .withProperty("backbone.messaging.registry-properties.apicurio.registry.auth.password", "x")
                .withProperty("server.ssl.bundle", "")
                .withProperty("backbone.security.http-tls-in-front", "true");
        assertThat(DeploymentSafeguards.problems(basicAuthBehindAProxy)).isEmpty();
    }

    @Test
    void plaintextKafka_isRefused_bothAsPlainAndWithSaslOverPlaintext() {
        for (String protocol : List.of("PLAINTEXT", "SASL_PLAINTEXT")) {
            assertThat(DeploymentSafeguards.problems(production()
                    .withProperty("spring.kafka.security.protocol", protocol)))
                    .singleElement().asString().startsWith("Kafka is reached over " + protocol)
                    .contains("spring.kafka.security.protocol");
        }
        assertThat(DeploymentSafeguards.problems(new MockEnvironment()))
                .anySatisfy(problem -> assertThat(problem).startsWith("Kafka is reached over PLAINTEXT"));
        assertThat(DeploymentSafeguards.problems(production().withProperty("spring.kafka.security.protocol", "")
                .withProperty("spring.kafka.properties.security.protocol", "sasl_plaintext")))
                .singleElement().asString().startsWith("Kafka is reached over sasl_plaintext");
    }

    @Test
    void kafkaClientsThatWouldNotCheckTheBrokersName_areRefused() {
        assertThat(DeploymentSafeguards.problems(production()
                .withProperty("spring.kafka.properties.ssl.endpoint.identification.algorithm", "")))
                .singleElement().asString().contains("host name");
    }

    @Test
    void aRegistryOverPlainHttp_withoutCredentials_orTrustingAnyCertificate_isRefused() {
        assertThat(DeploymentSafeguards.problems(production()
                .withProperty("backbone.messaging.registry-url", "http://registry.example.invalid")))
                .singleElement().asString().contains("plain HTTP");
        assertThat(DeploymentSafeguards.problems(production()
                .withProperty("backbone.messaging.registry-properties.apicurio.registry.auth.client.secret", "")))
                .singleElement().asString().contains("without credentials");
        assertThat(DeploymentSafeguards.problems(production()
                .withProperty("backbone.messaging.registry-properties.apicurio.registry.tls.trust-all", "true")))
                .singleElement().asString().contains("certificate would not be checked");
    }

    @Test
    void theDefaultH2Account_orAnH2StoreWithoutPassword_isRefused() {
        assertThat(DeploymentSafeguards.problems(production().withProperty("spring.datasource.username", "SA")))
                .singleElement().asString().contains("default 'sa' account");
        assertThat(DeploymentSafeguards.problems(production()
                .withProperty("spring.datasource.url", "jdbc:h2:file:./store")))
                .singleElement().asString().contains("H2 store has no password");
    }

    /** The four share one key store, or a record one sealed on Kafka would not open in another (ADR 0015). */
    @Test
    void aKeyStoreOfTheServicesOwn_orOnH2_isRefused() {
        assertThat(DeploymentSafeguards.problems(production().withProperty("backbone.child-keys.datasource.url", "")))
                .singleElement().asString().contains("backbone.child-keys.datasource.url is not set")
                .contains("the four services share");
        assertThat(DeploymentSafeguards.problems(production()
                .withProperty("backbone.child-keys.datasource.url", "jdbc:h2:file:./keys")))
                .singleElement().asString().contains("key store is an H2 database");
    }

    @Test
    void httpWithoutTls_isRefused_unlessTheDeploymentSaysTlsEndsInFront() {
        assertThat(DeploymentSafeguards.problems(production().withProperty("server.ssl.bundle", "")))
                .singleElement().asString().contains("HTTP is served without TLS");
        assertThat(DeploymentSafeguards.problems(production().withProperty("server.ssl.enabled", "false")))
                .singleElement().asString().contains("HTTP is served without TLS");
    }

    @Test
    void theLocalProfile_isExempt() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");
        assertThat(DeploymentSafeguards.problems(local)).isEmpty();
    }

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    @Test
    void aServiceStartedOnTheEmbeddedDefaultsWithoutTheLocalProfile_refusesToStart_namingEverySetting() {
        SpringApplication application = new SpringApplication(Nothing.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        assertThatThrownBy(() -> application.run("--spring.datasource.url=jdbc:h2:mem:x",
                "--spring.datasource.username=sa", "--backbone.messaging.registry-url=http://127.0.0.1:18081",
                "--spring.kafka.properties.security.protocol=SASL_PLAINTEXT"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("will not start outside the 'local' profile")
                .hasMessageContaining("Kafka is reached over SASL_PLAINTEXT")
                .hasMessageContaining("plain HTTP").hasMessageContaining("without credentials")
                .hasMessageContaining("default 'sa' account").hasMessageContaining("HTTP is served without TLS")
                .hasMessageContaining("backbone.child-keys.datasource.url is not set");
    }
}
