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
 * ({@link PractitionerFromToken}). A token with an {@code operator} claim is an operator's: it calls
 * {@code /operator/**} only.
 */
public class AgencyTokens implements Converter<Jwt, AbstractAuthenticationToken> {

    static final String AGENCY_CLAIM = "agency";
    /** The claim naming an operator (who runs the backbone): such a token is an operator's, never an agency's. */
    static final String OPERATOR_CLAIM = "operator";
    private static final List<GrantedAuthority> AGENCY = List.of(new SimpleGrantedAuthority("ROLE_AGENCY"));
    private static final List<GrantedAuthority> OPERATOR = List.of(new SimpleGrantedAuthority("ROLE_OPERATOR"));

    private final KnownAgencies agencies;
    private final String practitionerClaim;

    public AgencyTokens(KnownAgencies agencies, String practitionerClaim) {
        this.agencies = agencies;
        this.practitionerClaim = practitionerClaim;
    }

    /** Refuses (401) a token whose practitioner claim cannot be recorded; see {@link PractitionerFromToken}. */
    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        if (jwt.hasClaim(OPERATOR_CLAIM)) {
            return new JwtAuthenticationToken(jwt, OPERATOR, jwt.getClaimAsString(OPERATOR_CLAIM));
        }
        PractitionerFromToken.named(jwt, practitionerClaim);
        String agency = jwt.hasClaim(AGENCY_CLAIM) ? jwt.getClaimAsString(AGENCY_CLAIM) : jwt.getSubject();
        return new JwtAuthenticationToken(jwt, agencies.isKnown(agency) ? AGENCY : List.of(), agency);
    }
}
