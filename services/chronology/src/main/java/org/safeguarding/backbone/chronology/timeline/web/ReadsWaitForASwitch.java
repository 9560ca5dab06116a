package org.safeguarding.backbone.chronology.timeline.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.safeguarding.backbone.chronology.timeline.query.ChronologySwitch;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/** Every call about a child runs as a read of the chronology: it waits out the moment a rebuild takes over. */
@Component
class ReadsWaitForASwitch extends OncePerRequestFilter {

    private final ChronologySwitch chronology;

    ReadsWaitForASwitch(ChronologySwitch chronology) {
        this.chronology = chronology;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return !path.startsWith("/api/children/") && !path.startsWith("/reviewer/children/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try (ChronologySwitch.Reading reading = chronology.read()) {
            chain.doFilter(request, response);
        }
    }
}
