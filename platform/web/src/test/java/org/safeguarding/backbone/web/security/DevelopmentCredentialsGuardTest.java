package org.safeguarding.backbone.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

class DevelopmentCredentialsGuardTest {

    private static final AgencyProperties DEVELOPMENT = new AgencyProperties(Map.of(
            "school-a", new AgencyProperties.Agency("Example school", AgencyKind.SCHOOL, "area-a",
                    "{noop}dev-only-school-a")), Map.of());
    private static final AgencyProperties ENCODED = new AgencyProperties(Map.of(
            "school-a", new AgencyProperties.Agency("Example school", AgencyKind.SCHOOL, "area-a",
                    "{bcrypt}$2a$10$abcdefghijklmnopqrstuuTXQk4vG8bFQ7k0mJx3m4m5r4m1x2y3a")), Map.of());

    @Test
    void developmentCredentialsAreRefusedOutsideTheLocalProfile() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");

        assertThatThrownBy(() ->
                AgencySecurityAutoConfiguration.refuseDevelopmentCredentialsOutsideLocal(DEVELOPMENT, production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[school-a]")
                .hasMessageContaining("'local' profile is not active");
    }

    @Test
    void anOperatorsDevelopmentCredentialsAreRefusedOutsideTheLocalProfileToo() {
        MockEnvironment production = new MockEnvironment();
        production.setActiveProfiles("postgres");
        AgencyProperties operator = new AgencyProperties(Map.of(),
                Map.of("operator", new AgencyProperties.Operator("{noop}dev-only-operator")));

        assertThatThrownBy(() ->
                AgencySecurityAutoConfiguration.refuseDevelopmentCredentialsOutsideLocal(operator, production))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("[operator]");
    }

    @Test
    void developmentCredentialsAreAcceptedUnderTheLocalProfile() {
        MockEnvironment local = new MockEnvironment();
        local.setActiveProfiles("local");

        assertThatCode(() -> AgencySecurityAutoConfiguration.refuseDevelopmentCredentialsOutsideLocal(DEVELOPMENT, local))
                .doesNotThrowAnyException();
    }

    @Test
    void encodedCredentialsAreAcceptedAnywhere() {
        assertThatCode(() -> AgencySecurityAutoConfiguration.refuseDevelopmentCredentialsOutsideLocal(ENCODED,
                new MockEnvironment())).doesNotThrowAnyException();
    }

    @Test
    void theLocalProfilesPasswords_checkEachCredentialAsWritten_andHashNothingWithBCryptThemselves() {
        PasswordEncoder local = AgencySecurityAutoConfiguration.localPasswords();

        assertThat(local.encode("x")).isEqualTo("{noop}x");
        assertThat(local.matches("dev-only-school-a", "{noop}dev-only-school-a")).isTrue();
        assertThat(local.matches("another", "{noop}dev-only-school-a")).isFalse();
        String bcrypt = "{bcrypt}" + new BCryptPasswordEncoder(4).encode("dev-only-school-a");
        assertThat(local.matches("dev-only-school-a", bcrypt)).isTrue();
        assertThat(local.matches("another", bcrypt)).isFalse();
    }
}
