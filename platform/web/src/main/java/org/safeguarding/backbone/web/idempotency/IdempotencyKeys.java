package org.safeguarding.backbone.web.idempotency;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Pattern;
import org.safeguarding.backbone.web.input.RequestTooLarge;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code Idempotency-Key} on a command ({@code POST /api/...}): a client that retries after a timeout gets the first
 * answer again, not a second share, request or feedback obligation. The first request under a key is carried out
 * and, when it succeeds, its answer (status, {@code Location}, body) kept; a retry with the same key and the same
 * request (method, path, query and body) gets that answer, marked {@code Idempotent-Replayed: true}; the same key
 * for a different request is refused (422 {@code idempotency-key-reused}); a retry while the first is still being
 * answered is told to wait (409 {@code idempotency-key-in-use}, {@code Retry-After}). A refused request (4xx, 5xx)
 * changed nothing, so its key is free for the corrected request. Keys are each agency's own.
 */
public class IdempotencyKeys extends OncePerRequestFilter {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    /** As an {@code X-Correlation-Id}; a structured-field string ({@code "..."}) is read without its quotes. */
    private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");
    /** The largest answer kept (a share answered with 100 long statements fits). */
    private static final int LARGEST_ANSWER = 1_000_000;
    private static final Logger log = LoggerFactory.getLogger(IdempotencyKeys.class);

    private final IdempotentRequests requests;
    private final ProblemResponses problems;

    public IdempotencyKeys(IdempotentRequests requests, ProblemResponses problems) {
        this.requests = requests;
        this.problems = problems;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !"POST".equals(request.getMethod()) || !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        List<String> given = Collections.list(request.getHeaders(HEADER));
        String key = unquoted(given.get(0).strip());
        if (given.size() > 1 || !KEY.matcher(key).matches()) {
            problems.writeInvalid(response, HEADER, "must be one key of 1 to 100 letters, digits, '.', '_', ':' or "
                    + "'-', new for each new request (a UUID will do)");
            return;
        }
        Principal principal = request.getUserPrincipal();
        if (principal == null) {
            chain.doFilter(request, response);
            return;
        }
        String agency = principal.getName();
        byte[] body;
        try {
            body = request.getInputStream().readAllBytes();
        } catch (RequestTooLarge tooLarge) {
            problems.write(response, HttpStatus.CONTENT_TOO_LARGE, "request-too-large", "Request too large",
                    tooLarge.getMessage(), header -> { });
            return;
        }
        String fingerprint = fingerprint(request, body);
        IdempotentRequests.Claim claim = requests.claim(agency, key, fingerprint);
        if (claim instanceof IdempotentRequests.Found found) {
            answerAgain(found.stored(), fingerprint, key, response);
            return;
        }
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean kept = false;
        try {
            chain.doFilter(new Replayable(request, body), answer);
            byte[] answered = answer.getContentAsByteArray();
            if (answer.getStatus() < 400 && answered.length <= LARGEST_ANSWER) {
                requests.answered(agency, key, answer.getStatus(), answer.getHeader(HttpHeaders.LOCATION),
                        answer.getContentType(), new String(answered, StandardCharsets.UTF_8));
                kept = true;
            } else if (answer.getStatus() < 400) {
                log.warn("The answer to {}'s request under Idempotency-Key {} is {} bytes, over {}: not kept, so a "
                        + "retry is carried out again", agency, key, answered.length, LARGEST_ANSWER);
            }
        } finally {
            if (!kept) {
                requests.release(agency, key);
            }
            answer.copyBodyToResponse();
        }
    }

    private void answerAgain(IdempotentRequests.Stored stored, String fingerprint, String key,
                             HttpServletResponse response) throws IOException {
        if (!stored.fingerprint().equals(fingerprint)) {
            problems.write(response, HttpStatus.UNPROCESSABLE_CONTENT, "idempotency-key-reused",
                    "Idempotency key used for another request", "Idempotency-Key " + key + " was used for a "
                            + "different request (another path or body) within the keys' retention: send a new "
                            + "request under a new key.", header -> { });
        } else if (!stored.answered()) {
            problems.write(response, HttpStatus.CONFLICT, "idempotency-key-in-use", "Request still in progress",
                    "The request under Idempotency-Key " + key + " is still being answered: retry in a moment "
                            + "for its answer.", header -> header.setHeader(HttpHeaders.RETRY_AFTER, "1"));
        } else {
            response.setStatus(stored.status());
            if (stored.location() != null) {
                response.setHeader(HttpHeaders.LOCATION, stored.location());
            }
            if (stored.contentType() != null) {
                response.setContentType(stored.contentType());
            }
            response.setHeader(REPLAYED, "true");
            if (stored.body() != null) {
                response.getOutputStream().write(stored.body().getBytes(StandardCharsets.UTF_8));
            }
        }
    }

    private static String unquoted(String key) {
        return key.length() >= 2 && key.startsWith("\"") && key.endsWith("\"") ? key.substring(1, key.length() - 1)
                : key;
    }

    /** The request as a retry must repeat it: method, path, query and body. */
    private static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** The request, its body read once here and given again to the endpoint. */
    private static final class Replayable extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("read synchronously");
                }
            };
        }
    }
}
