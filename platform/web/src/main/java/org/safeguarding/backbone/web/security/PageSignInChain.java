package org.safeguarding.backbone.web.security;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The filter chain of a service's pages for a browser (ADR 0016), of a type of its own so that the API's chain
 * ({@link AgencySecurityAutoConfiguration}), which backs off for any other chain a service or the token issuer
 * defines, does not back off for it.
 */
public final class PageSignInChain implements SecurityFilterChain {

    private final SecurityFilterChain chain;

    PageSignInChain(SecurityFilterChain chain) {
        this.chain = chain;
    }

    @Override
    public boolean matches(HttpServletRequest request) {
        return chain.matches(request);
    }

    @Override
    public List<Filter> getFilters() {
        return chain.getFilters();
    }
}
