package org.safeguarding.backbone.web.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.agency.AgencyKind;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AccessToken;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A reviewer signing in to a page: the agency from the ID token, and the practitioner it names checked at once, as
 * every read the session makes will be recorded with it.
 */
class AgencyFromIdTokenTest {

    private final AgencyFromIdToken users = new AgencyFromIdToken(new KnownAgencies(Map.of("csc-a",
            new KnownAgencies.Agency("CSC", AgencyKind.CHILDRENS_SOCIAL_CARE, "area-a")), "agencies"),
            "practitioner");

    @Test
    void aKnownAgencysReviewer_isSignedInAsTheAgency_thePractitionerKeptForTheReads() {
        OidcUser user = users.loadUser(signingIn(Map.of("practitioner", "Independent reviewer (synthetic) 1")));

        assertThat(user.getName()).isEqualTo("csc-a");
        assertThat(user.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_AGENCY");
        assertThat(PractitionerFromToken.named(user.getIdToken().getClaims(), "practitioner",
                PractitionerFromToken::signInRefused)).isEqualTo("Independent reviewer (synthetic) 1");
    }

    @Test
    void anIdTokenNamingAPractitionerTheLogCannotHold_isRefusedAtSignIn() {
        for (Object named : new Object[] {"", " ", "x".repeat(201), "line\nbreak", 42}) {
            assertThatThrownBy(() -> users.loadUser(signingIn(Map.of("practitioner", named))))
                    .as(String.valueOf(named))
                    .isInstanceOf(OAuth2AuthenticationException.class)
                    .hasMessageContaining("'practitioner' claim must name the practitioner");
        }
    }

    private static OidcUserRequest signingIn(Map<String, Object> claims) {
        ClientRegistration registration = ClientRegistration.withRegistrationId("reviewers").clientId("reviewer-page")
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .redirectUri("http://127.0.0.1/login/oauth2/code/reviewers")
                .authorizationUri("http://127.0.0.1:1/oauth2/authorize").tokenUri("http://127.0.0.1:1/oauth2/token")
                .scope("openid").build();
        Instant now = Instant.now();
        OAuth2AccessToken access = new OAuth2AccessToken(OAuth2AccessToken.TokenType.BEARER, "access", now,
                now.plusSeconds(300), Set.of("openid"));
        OidcIdToken id = OidcIdToken.withTokenValue("id").subject("csc-a").claim("agency", "csc-a")
                .issuedAt(now).expiresAt(now.plusSeconds(300)).claims(all -> all.putAll(claims)).build();
        return new OidcUserRequest(registration, access, id);
    }
}
