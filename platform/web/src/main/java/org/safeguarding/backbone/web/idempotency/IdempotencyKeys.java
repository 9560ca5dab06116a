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
import java.util.UUID;
import java.util.regex.Pattern;
import org.safeguarding.backbone.kernel.outage.Outages;
import org.safeguarding.backbone.web.input.RequestTooLarge;
import org.safeguarding.backbone.web.problem.ProblemResponses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.support.TransactionTemplate;
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
 *
 * <p>The request is carried out in one database transaction with the keeping of its answer, and answered only once
 * that has committed: a service stopped mid-request has either recorded both, so a retry gets the answer, or
 * neither, so a retry (once the claim is taken as abandoned) carries the request out for the first time. Never the
 * change without its answer, which a retry would make twice.
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
    private final TransactionTemplate transaction;

    /** @param transaction the service's transactions, which the request's commands join; null: none to join */
    public IdempotencyKeys(IdempotentRequests requests, ProblemResponses problems, TransactionTemplate transaction) {
        this.requests = requests;
        this.problems = problems;
        this.transaction = transaction;
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
            kept = transaction == null ? carryOut(request, body, answer, chain, agency, key)
                    : Boolean.TRUE.equals(transaction.execute(status -> {
                        try {
                            boolean stored = carryOut(request, body, answer, chain, agency, key);
                            if (answer.getStatus() >= 400) {
                                // refused: whatever was begun is undone, quietly
                                status.setRollbackOnly();
                            }
                            return stored;
                        } catch (IOException | ServletException e) {
                            throw new CarryingOutFailed(e);
                        }
                    }));
        } catch (CarryingOutFailed e) {
            kept = false;
            answer.resetBuffer();
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw (ServletException) e.getCause();
        } catch (RuntimeException notCommitted) {
            // the request and its answer were not committed (its transaction, or the keeping of its answer, failed),
            // though it may have been answered as if they were: say so instead
            kept = false;
            String incident = UUID.randomUUID().toString();
            boolean outage = Outages.isOutage(notCommitted);
            log.warn("incident {}: the request under {}'s Idempotency-Key {} was not committed ({}); answered {}",
                    incident, agency, key, Outages.describe(notCommitted), outage ? 503 : 500);
            answer.reset();
            problems.write(answer, outage ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.INTERNAL_SERVER_ERROR,
                    outage ? "service-unavailable" : "internal-error", outage ? "Service unavailable" : "Internal error",
                    "The request could not be recorded (incident " + incident + "); nothing was recorded, and the "
                            + "key is free: send it again" + (outage ? " in a few seconds." : "."),
                    header -> {
                        if (outage) {
                            header.setHeader(HttpHeaders.RETRY_AFTER,
                                    String.valueOf(ProblemResponses.RETRY_AFTER_SECONDS));
                        }
                    });
        } finally {
            if (!kept) {
                try {
                    requests.release(agency, key);
                } catch (RuntimeException storeDown) {
                    // the store is unreachable: the claim is taken over once abandoned; the caller is answered still
                    log.warn("The claim on {}'s Idempotency-Key {} could not be released ({})", agency, key,
                            Outages.describe(storeDown));
                }
            }
            answer.copyBodyToResponse();
        }
    }

    /** Carries the request out and keeps its answer, when it succeeded; true when kept. */
    private boolean carryOut(HttpServletRequest request, byte[] body, ContentCachingResponseWrapper answer,
                             FilterChain chain, String agency, String key) throws IOException, ServletException {
        chain.doFilter(new Replayable(request, body), answer);
        byte[] answered = answer.getContentAsByteArray();
        if (answer.getStatus() < 400 && answered.length <= LARGEST_ANSWER) {
            requests.answered(agency, key, answer.getStatus(), answer.getHeader(HttpHeaders.LOCATION),
                    answer.getContentType(), new String(answered, StandardCharsets.UTF_8));
            return true;
        }
        if (answer.getStatus() < 400) {
            log.warn("The answer to {}'s request under Idempotency-Key {} is {} bytes, over {}: not kept, so a "
                    + "retry is carried out again", agency, key, answered.length, LARGEST_ANSWER);
        }
        return false;
    }

    /** A checked failure of the filter chain, carried out of the transaction's callback. */
    private static final class CarryingOutFailed extends RuntimeException {
        CarryingOutFailed(Exception cause) {
            super(cause);
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
