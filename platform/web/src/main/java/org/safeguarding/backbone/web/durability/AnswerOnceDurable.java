package org.safeguarding.backbone.web.durability;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import org.safeguarding.backbone.kernel.durability.DurableCommits;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * A change is answered as done only once it is durable ({@link DurableCommits}): the answer is held back, not sent,
 * until the store has written what the call committed, so a service killed the moment after answering 201 still has
 * the share it answered for. Reads and refusals (which change nothing) are answered as they are.
 */
public class AnswerOnceDurable extends OncePerRequestFilter {

    private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    private final DurableCommits durable;

    public AnswerOnceDurable(DurableCommits durable) {
        this.durable = durable;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return READS.contains(request.getMethod());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper held = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, held);
        if (held.getStatus() < 400) {
            durable.awaitDurable();
        }
        held.copyBodyToResponse();
    }
}
