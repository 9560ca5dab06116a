package org.safeguarding.backbone.web.security;

import jakarta.servlet.DispatcherType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestCustomizers;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtDecoderInitializationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * Every HTTP call is made by an authenticated agency. Agency systems call with a bearer token (a JWT) from the
 * identity provider the services trust ({@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, with the
 * backbone's audience): its signature, issuer, audience and expiry are checked, with no password hashed per call.
 * HTTP Basic with the development credentials is there for the local profile only. Only health and the API's
 * description are open. Operators (who run the backbone, and read no child's data) call {@code /operator/**} and
 * nothing else; agencies never can. Authentication failures and refusals are RFC 9457 problem responses like every other error.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        AgencySecurityAutoConfiguration.RESOURCE_SERVER_SECURITY})
@EnableConfigurationProperties(AgencyProperties.class)
public class AgencySecurityAutoConfiguration {

    /**
     * A service's pages for a browser ({@code backbone.security.page-sign-in.paths}, e.g. the chronology's reviewers'
     * page), signed in with the identity provider (OpenID Connect, authorization code with PKCE; the client
     * registration {@code backbone.security.page-sign-in.registration} under
     * {@code spring.security.oauth2.client.registration}): ADR 0016. The same need-to-know as the API, the agency from
     * the ID token as from an access token ({@link AgencyFromIdToken}); bearer tokens still accepted, and HTTP Basic
     * under the local profile. A browser not signed in is sent to the identity provider; any other caller gets the
     * API's 401 problem. A session (its own cookie, the service's {@code server.servlet.session.cookie.name}) for
     * the pages only; the API stays stateless.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.security.oauth2.client.registration.ClientRegistrationRepository")
    @ConditionalOnProperty(name = "backbone.security.page-sign-in.registration")
    static class PageSignIn {

        @Bean
        @Order(Ordered.HIGHEST_PRECEDENCE + 10)
        PageSignInChain pageSignIn(HttpSecurity http, ProblemResponses problems, Environment environment,
                                   ObjectProvider<JwtDecoder> tokens, KnownAgencies agencies,
                                   ClientRegistrationRepository registrations,
                                   @Value("${backbone.security.page-sign-in.registration}") String registration,
                                   @Value("${backbone.security.page-sign-in.paths}") List<String> paths,
                                   @Value("${backbone.security.practitioner-claim:practitioner}")
                                   String practitionerClaim) throws Exception {
            boolean local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
            String base = OAuth2AuthorizationRequestRedirectFilter.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI;
            String signIn = base + "/" + registration;
            List<String> matched = new ArrayList<>(paths);
            matched.add(signIn);
            matched.add("/login/oauth2/code/" + registration);
            // PKCE on the code, whatever kind of client the page is registered as
            DefaultOAuth2AuthorizationRequestResolver codes =
                    new DefaultOAuth2AuthorizationRequestResolver(registrations, base);
            codes.setAuthorizationRequestCustomizer(OAuth2AuthorizationRequestCustomizers.withPkce());
            AuthenticationEntryPoint problem = unauthenticated(problems, local);
            LoginUrlAuthenticationEntryPoint toIdentityProvider = new LoginUrlAuthenticationEntryPoint(signIn);
            MediaTypeRequestMatcher browser = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
            browser.setIgnoredMediaTypes(Set.of(MediaType.ALL));
            http.securityMatcher(matched.toArray(String[]::new))
                    .authorizeHttpRequests(requests -> requests
                            .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                            .anyRequest().hasRole("AGENCY"))
                    .oauth2Login(login -> login.loginPage(signIn)
                            .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(codes))
                            .userInfoEndpoint(users -> users.oidcUserService(
                                    new AgencyFromIdToken(agencies, practitionerClaim)))
                            // a sign-in that fails is answered, not sent back to the provider (which, signed in
                            // there, would send the browser straight back: a loop)
                            .failureHandler((request, response, exception) -> problems.write(response,
                                    HttpStatus.UNAUTHORIZED, "sign-in-refused", "Sign-in refused",
                                    "The identity provider's answer did not sign you in"
                                            + (exception instanceof OAuth2AuthenticationException refused
                                            && refused.getError().getDescription() != null
                                            ? ": " + refused.getError().getDescription() : ".")
                                            + " Nothing was read.", header -> { })))
                    .exceptionHandling(errors -> errors
                            .authenticationEntryPoint((request, response, exception) -> {
                                if (browser.matches(request)) {
                                    toIdentityProvider.commence(request, response, exception);
                                } else {
                                    problem.commence(request, response, exception);
                                }
                            })
                            .accessDeniedHandler(forbidden(problems)))
                    .addFilterAfter(new PractitionerFromToken(practitionerClaim), AuthorizationFilter.class);
            JwtDecoder decoder = tokens.getIfAvailable() == null ? null : reachable(tokens.getObject());
            if (decoder != null) {
                bearerTokens(http, decoder, new AgencyTokens(agencies, practitionerClaim), problem,
                        forbidden(problems));
            }
            if (local) {
                http.httpBasic(basic -> basic.authenticationEntryPoint(problem));
            }
            return new PageSignInChain(http.build());
        }
    }

    static final String LOCAL_PROFILE = "local";
    /** The role of those who run the backbone: {@code /operator/**} only (AgencyProperties.Operator). */
    static final String OPERATOR = "OPERATOR";
    /** Boot's own filter chain for a resource server: ours comes first, so it backs off. */
    static final String RESOURCE_SERVER_SECURITY = "org.springframework.boot.security.oauth2.server.resource"
            + ".autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration";

    /**
     * The development credentials, for HTTP Basic under the local profile. Not a password service: Spring Security
     * would otherwise re-encode each {noop} password to BCrypt on first use, and spend ~90 ms of CPU on every later
     * call checking it.
     */
    @Bean
    @ConditionalOnMissingBean(UserDetailsService.class)
    UserDetailsService agencies(AgencyProperties properties, Environment environment) {
        refuseDevelopmentCredentialsOutsideLocal(properties, environment);
        List<UserDetails> users = new ArrayList<>();
        for (Map.Entry<String, AgencyProperties.Agency> agency : properties.agencies().entrySet()) {
            String password = agency.getValue().password();
            if (password != null && !password.isBlank()) {
                users.add(User.withUsername(agency.getKey()).password(password).roles("AGENCY").build());
            }
        }
        for (Map.Entry<String, AgencyProperties.Operator> operator : properties.operators().entrySet()) {
            String password = operator.getValue().password();
            if (password != null && !password.isBlank() && !properties.agencies().containsKey(operator.getKey())) {
                users.add(User.withUsername(operator.getKey()).password(password).roles(OPERATOR).build());
            }
        }
        InMemoryUserDetailsManager manager = new InMemoryUserDetailsManager(users);
        return manager::loadUserByUsername;
    }

    /**
     * How the development credentials are checked under the local profile: as written ({@code {noop}...}; a
     * {@code {bcrypt}...} one still by BCrypt). What this changes is the password Spring Security hashes once per
     * provider so that an unknown name takes as long to refuse as a known one: by default with BCrypt (~80 ms of
     * CPU), by every call that arrives before the first has finished; 16 agencies calling at once after a start spent
     * 1.6 s of the referrals service's CPU on it (docs/benchmarks.md, "Load"). Here it is hashed as the credentials
     * are, so that comparison still takes the same time either way. Local only, as HTTP Basic is.
     */
    @Bean
    @Profile(LOCAL_PROFILE)
    @ConditionalOnMissingBean(PasswordEncoder.class)
    PasswordEncoder developmentCredentials() {
        return localPasswords();
    }

    @SuppressWarnings("deprecation") // NoOpPasswordEncoder: the development credentials are {noop} by design
    static PasswordEncoder localPasswords() {
        return new DelegatingPasswordEncoder("noop", Map.of(
                "noop", NoOpPasswordEncoder.getInstance(),
                "bcrypt", new BCryptPasswordEncoder()));
    }

    /**
     * A request Spring Security's firewall refuses before anything reads it (a parameter name it does not allow, as a
     * form body sent where JSON is taken makes; an encoded slash, a semicolon in the path) is a 400 problem, not an
     * error escaping the filter chain as a 500 (ProblemExceptionHandler does the same for one found later).
     */
    @Bean
    @ConditionalOnMissingBean(RequestRejectedHandler.class)
    RequestRejectedHandler requestRejected(ProblemResponses problems) {
        return (request, response, rejected) -> problems.write(response, HttpStatus.BAD_REQUEST, "request-rejected",
                "Request rejected", ProblemResponses.REQUEST_REJECTED, header -> { });
    }

    @Bean
    KnownAgencies knownAgencies(AgencyProperties properties) {
        return properties.known();
    }

    static void refuseDevelopmentCredentialsOutsideLocal(AgencyProperties properties, Environment environment) {
        if (environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE))) {
            return;
        }
        List<String> plain = new ArrayList<>(properties.agencies().entrySet().stream()
                .filter(a -> a.getValue().password() != null && a.getValue().password().startsWith("{noop}"))
                .map(Map.Entry::getKey).toList());
        properties.operators().entrySet().stream()
                .filter(o -> o.getValue().password() != null && o.getValue().password().startsWith("{noop}"))
                .map(Map.Entry::getKey).forEach(plain::add);
        plain.sort(null);
        if (!plain.isEmpty()) {
            throw new IllegalStateException("Development credentials (unencoded {noop} passwords) are configured for "
                    + plain + " but the 'local' profile is not active. They are for local development only: agency "
                    + "systems authenticate with tokens from the identity provider "
                    + "(spring.security.oauth2.resourceserver.jwt.issuer-uri); or run with "
                    + "--spring.profiles.active=local.");
        }
    }

    /**
     * The identity provider's decoder, but an identity provider that cannot be reached (its keys not fetched) is a
     * service problem the caller is told about (503), not an error escaping the filter chain.
     */
    private static JwtDecoder reachable(JwtDecoder decoder) {
        return token -> {
            try {
                return decoder.decode(token);
            } catch (JwtDecoderInitializationException e) {
                throw new AuthenticationServiceException("the identity provider cannot be reached", e);
            }
        };
    }

    @Bean
    @ConditionalOnMissingBean(value = SecurityFilterChain.class, ignored = PageSignInChain.class)
    SecurityFilterChain agencyAuthentication(HttpSecurity http, ProblemResponses problems, Environment environment,
                                             ObjectProvider<JwtDecoder> tokens, KnownAgencies agencies,
                                             @Value("${backbone.security.practitioner-claim:practitioner}")
                                             String practitionerClaim) throws Exception {
        boolean local = environment.acceptsProfiles(Profiles.of(LOCAL_PROFILE));
        JwtDecoder decoder = tokens.getIfAvailable() == null ? null : reachable(tokens.getObject());
        if (decoder == null && !local) {
            throw new IllegalStateException("No identity provider is configured: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (and .audiences) to the one agency systems "
                    + "get their tokens from. HTTP Basic is for the local profile only.");
        }
        AuthenticationEntryPoint unauthenticated = unauthenticated(problems, local);
        AccessDeniedHandler forbidden = forbidden(problems);
        http.authorizeHttpRequests(requests -> requests
                        // the error page of a call already refused or failed: it adds no access of its own
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        // the API's description (where a service publishes one) holds no child's data
                        .requestMatchers("/v3/api-docs", "/v3/api-docs/**", "/v3/api-docs.yaml").permitAll()
                        // running the backbone (rebuilding a projection, ...) is for operators, who read no child's data
                        .requestMatchers("/operator/**").hasRole(OPERATOR)
                        // metrics are counts, never a child's data, and for those who run the backbone
                        .requestMatchers("/actuator/prometheus").hasRole(OPERATOR)
                        .anyRequest().hasRole("AGENCY"))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(unauthenticated)
                        .accessDeniedHandler(forbidden))
                // machine-to-machine API: no browser session, no cookies, so no CSRF token either
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .addFilterAfter(new PractitionerFromToken(practitionerClaim), AuthorizationFilter.class);
        if (decoder != null) {
            bearerTokens(http, decoder, new AgencyTokens(agencies, practitionerClaim), unauthenticated, forbidden);
        }
        if (local) {
            http.httpBasic(basic -> basic.authenticationEntryPoint(unauthenticated));
        }
        return http.build();
    }

    /** 401 (or 503 when the identity provider cannot be reached) as a problem, with the challenges a caller can meet. */
    static AuthenticationEntryPoint unauthenticated(ProblemResponses problems, boolean local) {
        return (request, response, exception) -> {
            if (exception instanceof AuthenticationServiceException) {
                problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "identity-provider-unavailable",
                        "Identity provider unavailable", "The service cannot check tokens right now: its identity "
                                + "provider does not answer. Try again shortly; nothing was done.", header -> { });
                return;
            }
            problems.write(response, HttpStatus.UNAUTHORIZED, "unauthenticated", "Authentication required",
                    (exception instanceof InvalidBearerTokenException invalid ? invalid.getMessage() + " " : "")
                            + "Call as an agency, with a bearer token from the identity provider"
                            + (local ? " (or, locally, HTTP Basic with the development credentials)." : "."),
                    header -> {
                        // one challenge a header: browsers read only the first challenge of a header, and would
                        // never offer to sign in with Basic from "Bearer, Basic ..."
                        response.setHeader("WWW-Authenticate", "Bearer");
                        if (local) {
                            response.addHeader("WWW-Authenticate", "Basic realm=\"safeguarding\"");
                        }
                    });
        };
    }

    static AccessDeniedHandler forbidden(ProblemResponses problems) {
        return (request, response, exception) ->
                problems.write(response, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                        "This caller is not an agency of the backbone, or may not do that.", header -> { });
    }

    /** Bearer tokens, checked by {@code decoder}; one that could not be checked is answered (503), not rethrown. */
    private static void bearerTokens(HttpSecurity http, JwtDecoder decoder, AgencyTokens agencies,
                                     AuthenticationEntryPoint unauthenticated, AccessDeniedHandler forbidden)
            throws Exception {
        AuthenticationEntryPointFailureHandler failure = new AuthenticationEntryPointFailureHandler(unauthenticated);
        failure.setRethrowAuthenticationServiceException(false);
        http.oauth2ResourceServer(server -> server
                .jwt(jwt -> jwt.decoder(decoder).jwtAuthenticationConverter(agencies))
                .authenticationEntryPoint(unauthenticated)
                .accessDeniedHandler(forbidden)
                .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                    @Override
                    public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                        filter.setAuthenticationFailureHandler(failure);
                        return filter;
                    }
                }));
    }
}
