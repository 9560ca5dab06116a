package org.safeguarding.backbone.web.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;
import org.safeguarding.backbone.kernel.agency.ActingPractitioner;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Runs each request as the practitioner its token names ({@code backbone.security.practitioner-claim}, by default
 * {@code practitioner}), when it names one, so every act the request causes records who acted for the agency. In the
 * security filter chain, after authentication; a request whose token names nobody (or that authenticated with the
 * local profile's development credentials) acts as its agency alone. A page signed in with the identity provider
 * (ADR 0016) runs as the practitioner its ID token names in the same claim ({@link AgencyFromIdToken} refuses a
 * sign-in naming one that cannot be recorded).
 */
public class PractitionerFromToken extends OncePerRequestFilter {

    /** The longest practitioner name accepted: a name, a role or a staff id, not a document. */
    static final int LONGEST = 200;

    private final String claim;

    public PractitionerFromToken(String claim) {
        this.claim = claim;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication caller = SecurityContextHolder.getContext().getAuthentication();
        String practitioner = caller instanceof JwtAuthenticationToken token ? named(token.getToken(), claim)
                // a page signed in with the identity provider: its ID token, checked when it was signed in
                : caller != null && caller.getPrincipal() instanceof OidcUser user && user.getIdToken() != null
                ? named(user.getIdToken().getClaims(), claim, PractitionerFromToken::signInRefused) : null;
        try (ActingPractitioner.Scope acting = ActingPractitioner.actingAs(practitioner)) {
            chain.doFilter(request, response);
        }
    }

    /**
     * The practitioner {@code token} names in {@code claim}, or null when it names nobody. A token naming one in a way
     * that cannot be recorded (not text, blank, longer than {@value #LONGEST} characters, control characters) is not
     * accepted: an act must not be recorded without the practitioner the identity provider meant.
     */
    static String named(Jwt token, String claim) {
        return named(token.getClaims(), claim, InvalidBearerTokenException::new);
    }

    /** A sign-in whose ID token names the practitioner in a way that cannot be recorded. */
    static OAuth2AuthenticationException signInRefused(String reason) {
        return new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, reason, null));
    }

    /** As {@link #named(Jwt, String)}, from a token's {@code claims}; a claim that cannot be recorded is {@code refused}. */
    static String named(Map<String, Object> claims, String claim,
                        Function<String, ? extends RuntimeException> refused) {
        if (!claims.containsKey(claim)) {
            return null;
        }
        Object named = claims.get(claim);
        if (!(named instanceof String text) || text.isBlank() || text.length() > LONGEST
                || text.chars().anyMatch(Character::isISOControl)) {
            throw refused.apply("The token's '" + claim + "' claim must name the practitioner as text of 1 to "
                    + LONGEST + " characters without control characters.");
        }
        return text.strip();
    }
}
