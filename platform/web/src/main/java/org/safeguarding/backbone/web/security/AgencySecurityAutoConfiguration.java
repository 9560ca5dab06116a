package org.safeguarding.backbone.web.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Every HTTP call is made by an authenticated agency (HTTP Basic over TLS in production). Only health is open.
 * Authentication failures and refusals are RFC 9457 problem responses like every other error.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
@EnableConfigurationProperties(AgencyProperties.class)
public class AgencySecurityAutoConfiguration {

    static final String LOCAL_PROFILE = "local";

    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService agencies(AgencyProperties properties, Environment environment) {
        refuseDevelopmentCredentialsOutsideLocal(properties, environment);
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, AgencyProperties.Agency> agency : properties.agencies().entrySet()) {
            String password = agency.getValue().password();
            if (password == null || password.isBlank()) {
                throw new IllegalStateException("backbone.security.agencies." + agency.getKey()
                        + ".password is not set");
            }
            users.add(User.withUsername(agency.getKey()).password(password).roles("AGENCY").build());
        }
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    KnownAgencies knownAgencies(AgencyProperties properties) {
        return properties.known();
    }

    static void refuseDevelopmentCredentialsOutsideLocal(AgencyProperties properties, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return;
        }
        List<String> plain = properties.agencies().entrySet().stream()
                .filter(a -> a.getValue().password() != null && a.getValue().password().startsWith("{noop}"))
                .map(Map.Entry::getKey).sorted().toList();
        if (!plain.isEmpty()) {
            throw new IllegalStateException("Development credentials (unencoded {noop} passwords) are configured for "
                    + plain + " but the 'local' profile is not active. They are for local development only: supply "
                    + "{bcrypt} credentials for every agency, or run with --spring.profiles.active=local.");
        }
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain agencyAuthentication(HttpSecurity http, ProblemResponses problems) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        // the error page of a call already refused or failed: it adds no access of its own
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the API's description (where a service publishes one) holds no child's data
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        .anyRequest().hasRole("AGENCY"))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, exception) ->
                        problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated",
                                "Authentication required",
                                "Call as an agency, with its credentials (HTTP Basic).",
                                header -> response.setHeader("WWW-Authenticate", "Basic realm=\"safeguarding\""))))
                .exceptionHandling(errors -> errors.accessDeniedHandler((request, response, exception) ->
                        problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                                "This agency may not do that.", header -> { })))
                // machine-to-machine API: no browser session, no cookies, so no CSRF token either
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }
}
