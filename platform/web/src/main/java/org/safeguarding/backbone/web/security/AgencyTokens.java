package org.safeguarding.backbone.web.security;

import java.util.List;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A validated access token as the calling agency: the token's {@code agency} claim (or, where the identity provider
 * names the client as the subject, {@code sub}). A token for an agency the backbone does not know authenticates but
 * grants nothing, so every endpoint refuses it. A token may also name the practitioner acting for the agency
 * ({@link PractitionerFromToken}).
 */
public class AgencyTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String AGENCY_CLAIM = "agency";
    private static final List<GrantedAuthority> AGENCY = List.of(new SimpleGrantedAuthority("ROLE_AGENCY"));

    private final KnownAgencies agencies;
    private final String practitionerClaim;

    public AgencyTokens(KnownAgencies agencies, String practitionerClaim) {
        this.agencies = agencies;
        this.practitionerClaim = practitionerClaim;
    }

    /** Refuses (401) a token whose practitioner claim cannot be recorded; see {@link PractitionerFromToken}. */
    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        PractitionerFromToken.named(jwt, practitionerClaim);
        String agency = jwt.hasClaim(AGENCY_CLAIM) ? jwt.getClaimAsString(AGENCY_CLAIM) : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, agencies.isKnown(agency) ? AGENCY : List.of(), agency);
    }
}
