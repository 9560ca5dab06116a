package org.safeguarding.backbone.web.rebuild;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safeguarding.backbone.kernel.rebuild.SwitchGate;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Every call on a child's records ({@code /api/**}, {@code /reviewer/**}) passes the {@link SwitchGate}: it waits out
 * the moment a rebuilt projection takes the live one's place, and a switch waits for the calls under way.
 */
public class CallsWaitForASwitch extends OncePerRequestFilter {

    private final SwitchGate gate;

    public CallsWaitForASwitch(SwitchGate gate) {
        this.gate = gate;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/") && !path.startsWith("/reviewer/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (SwitchGate.Passage passage = gate.pass()) {
            chain.doFilter(request, response);
        }
    }
}
