package org.safeguarding.backbone.issuer;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.safeguarding.backbone.web.security.AgencyProperties;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.oauth2.server.authorization.OAuth2AuthorizationServerConfigurer;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2ClientCredentialsAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.OAuth2TokenFormat;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * One registered client per agency of the local profile: its id is the agency id, its secret the agency's
 * development credential. A token is a JWT signed with a key made when the issuer starts, for the backbone's
 * audience, naming the agency as its subject and in an {@code agency} claim.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AgencyProperties.class)
class IssuerConfiguration {

    /** The audience the services require ({@code spring.security.oauth2.resourceserver.jwt.audiences}). */
    static final String AUDIENCE_PROPERTY = "backbone.security.token.audience";

    /** The token request parameter, and the token claim, naming the practitioner acting for the agency. */
    static final String PRACTITIONER = "practitioner";

    /** The client setting, and the token claim, marking an operator (who runs the backbone) rather than an agency. */
    static final String OPERATOR = "operator";

    @Bean
    RegisteredClientRepository agencyClients(AgencyProperties properties, Environment environment,
                                             @Value("${backbone.security.token.time-to-live:PT1H}") Duration ttl) {
        if (!environment.acceptsProfiles(Profiles.of("local"))) {
            throw new IllegalStateException("The token issuer serves the development credentials of the local "
                    + "profile only. Run it with --spring.profiles.active=local; in production, point the services "
                    + "at the partnership's identity provider (spring.security.oauth2.resourceserver.jwt.issuer-uri).");
        }
        List<RegisteredClient> clients = new ArrayList<>();
        for (Map.Entry<String, AgencyProperties.Agency> agency : properties.agencies().entrySet()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(agency.getKey().getBytes()).toString())
                    .clientId(agency.getKey())
                    .clientName(agency.getValue().name())
                    .clientSecret(agency.getValue().password())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl)
                            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED).build())
                    .build());
        }
        for (Map.Entry<String, AgencyProperties.Operator> operator : properties.operators().entrySet()) {
            clients.add(RegisteredClient.withId(UUID.nameUUIDFromBytes(("operator:" + operator.getKey()).getBytes())
                            .toString())
                    .clientId(operator.getKey())
                    .clientSecret(operator.getValue().password())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                    .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                    .clientSettings(ClientSettings.builder().setting(OPERATOR, true).build())
                    .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl)
                            .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED).build())
                    .build());
        }
        clients.add(reviewerPage(environment, ttl));
        return new InMemoryRegisteredClientRepository(clients);
    }

    /** The client id of the reviewers' timeline page (the chronology service signs reviewers in through it). */
    static final String REVIEWER_PAGE = "reviewer-page";

    /**
     * The reviewers' timeline page, signing a reviewer in with the authorization code grant (PKCE required, no consent
     * screen: the page is the backbone's own), as a partnership's identity provider would (ADR 0016). Its secret is a
     * development credential, as every secret here; its redirect address the chronology's, which ./run passes.
     */
    private static RegisteredClient reviewerPage(Environment environment, Duration ttl) {
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(REVIEWER_PAGE.getBytes()).toString())
                .clientId(REVIEWER_PAGE)
                .clientName("The reviewers' timeline page")
                .clientSecret(environment.getProperty("backbone.security.reviewer-page.client-secret"))
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri(environment.getProperty("backbone.security.reviewer-page.redirect-uri"))
                .scope(OidcScopes.OPENID)
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false)
                        .build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(ttl)
                        .accessTokenFormat(OAuth2TokenFormat.SELF_CONTAINED).build())
                .build();
    }

    /**
     * The backbone's audience, and the agency by name; and, when the token request names one in a
     * {@code practitioner} parameter, the practitioner acting for the agency (a partnership's identity provider
     * would take it from the practitioner's own login; locally, the caller says who they are).
     */
    @Bean
    OAuth2TokenCustomizer<JwtEncodingContext> agencyClaims(
            @Value("${" + AUDIENCE_PROPERTY + ":safeguarding-backbone}") String audience) {
        return context -> {
            if (AuthorizationGrantType.AUTHORIZATION_CODE.equals(context.getAuthorizationGrantType())) {
                // a reviewer signed in to the page: the agency is who signed in, not the page; an ID token is for
                // the page (its audience, as OpenID Connect requires), the access token for the backbone
                signedIn(context, audience);
                return;
            }
            context.getClaims().audience(List.of(audience));
            if (Boolean.TRUE.equals(context.getRegisteredClient().getClientSettings().getSetting(OPERATOR))) {
                // someone who runs the backbone, never an agency
                context.getClaims().claim(OPERATOR, context.getRegisteredClient().getClientId());
                return;
            }
            context.getClaims().claim("agency", context.getRegisteredClient().getClientId());
            if (context.getAuthorizationGrant() instanceof OAuth2ClientCredentialsAuthenticationToken grant
                    && grant.getAdditionalParameters().get(PRACTITIONER) instanceof String practitioner) {
                context.getClaims().claim(PRACTITIONER, practitioner);
            }
        };
    }

    /** The agency (or operator) who signed in, in the ID and access tokens of the authorization code grant. */
    private static void signedIn(JwtEncodingContext context, String audience) {
        if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
            context.getClaims().audience(List.of(audience));
        }
        String name = context.getPrincipal().getName();
        boolean operator = context.getPrincipal().getAuthorities().stream()
                .anyMatch(authority -> "ROLE_OPERATOR".equals(authority.getAuthority()));
        context.getClaims().claim(operator ? OPERATOR : "agency", name);
    }

    /** A signing key for this run: tokens issued before a restart stop being valid, which is fine for local use. */
    @Bean
    JWKSource<SecurityContext> signingKey() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pair = generator.generateKeyPair();
        RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                .keyID(UUID.randomUUID().toString()).build();
        return new ImmutableJWKSet<>(new JWKSet(key));
    }

    /**
     * The issuer is the address the services and agencies reach it at: as each request names it, unless
     * {@code backbone.security.token.issuer} fixes it.
     */
    @Bean
    AuthorizationServerSettings authorizationServerSettings(
            @Value("${backbone.security.token.issuer:}") String issuer) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        return (issuer.isBlank() ? settings : settings.issuer(issuer)).build();
    }

    /** The token endpoint and the key set, OIDC discovery and metadata: the authorization server's own chain. */
    @Bean
    @Order(1)
    SecurityFilterChain authorizationServer(HttpSecurity http) throws Exception {
        OAuth2AuthorizationServerConfigurer server = new OAuth2AuthorizationServerConfigurer();
        http.securityMatcher(server.getEndpointsMatcher())
                .with(server, configurer -> configurer.oidc(Customizer.withDefaults()))
                .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                // a browser asking for a code (the reviewers' page) signs in first, in a session of its own
                .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                        new LoginUrlAuthenticationEntryPoint("/login"),
                        new MediaTypeRequestMatcher(MediaType.TEXT_HTML)))
                .csrf(csrf -> csrf.ignoringRequestMatchers(server.getEndpointsMatcher()));
        return http.build();
    }

    /**
     * Health for the launcher, and the sign-in form where a reviewer signs in as their agency with its development
     * credentials (the local agencies and operators of backbone-web); nothing else.
     */
    @Bean
    @Order(2)
    SecurityFilterChain everythingElse(HttpSecurity http) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/error").permitAll()
                        .anyRequest().denyAll())
                .formLogin(form -> form.permitAll());
        return http.build();
    }
}
