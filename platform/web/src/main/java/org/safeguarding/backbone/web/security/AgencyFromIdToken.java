package org.safeguarding.backbone.web.security;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Someone signed in to a page with the identity provider, as the agency they act for: the ID token's {@code agency}
 * claim (or {@code sub}), read as {@link AgencyTokens} reads an access token. A known agency may do what its role
 * allows; anyone else (an operator, an agency the backbone does not know) is signed in and granted nothing. The
 * practitioner the ID token names ({@code backbone.security.practitioner-claim}) reads for the agency
 * ({@link PractitionerFromToken}); a sign-in naming one that cannot be recorded is refused.
 */
final class AgencyFromIdToken implements OAuth2UserService<OidcUserRequest, OidcUser> {

    private static final List<GrantedAuthority> AGENCY = List.of(new SimpleGrantedAuthority("ROLE_AGENCY"));

    private final OidcUserService users = new OidcUserService();
    private final KnownAgencies agencies;
    private final String practitionerClaim;

    AgencyFromIdToken(KnownAgencies agencies, String practitionerClaim) {
        this.agencies = agencies;
        this.practitionerClaim = practitionerClaim;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = users.loadUser(request);
        OidcIdToken token = user.getIdToken();
        // the practitioner it names is recorded with every read the session makes: one that cannot be is refused now
        PractitionerFromToken.named(token.getClaims(), practitionerClaim, PractitionerFromToken::signInRefused);
        boolean operator = token.hasClaim(AgencyTokens.OPERATOR_CLAIM);
        String agency = token.hasClaim(AgencyTokens.AGENCY_CLAIM) ? token.getClaimAsString(AgencyTokens.AGENCY_CLAIM)
                : token.getSubject();
        // the principal's name is the agency, as every endpoint takes it (CallingAgency)
        Map<String, Object> claims = new LinkedHashMap<>(token.getClaims());
        claims.put(AgencyTokens.AGENCY_CLAIM, agency);
        OidcIdToken named = new OidcIdToken(token.getTokenValue(), token.getIssuedAt(), token.getExpiresAt(), claims);
        return new DefaultOidcUser(!operator && agencies.isKnown(agency) ? AGENCY : List.of(), named,
                user.getUserInfo(), AgencyTokens.AGENCY_CLAIM);
    }
}
