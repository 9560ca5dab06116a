package org.safeguarding.backbone.web.correlation;

import java.util.regex.Pattern;
import org.safeguarding.backbone.kernel.rule.Invalid;

/**
 * The conversation a caller asks its command to belong to, from the optional {@value #HEADER} header: the events
 * the command causes carry it as their correlation id. A controller method takes a parameter of this type; the
 * header is read and checked in one place ({@link RequestedCorrelationResolver}) for every command endpoint.
 *
 * @param id the caller's conversation id, or null when it sent none
 */
public record RequestedCorrelation(String id) {

    public static final String HEADER = "X-Correlation-Id";
    public static final int MAX_LENGTH = 100;
    /** Letters, digits, {@code . _ : -}: safe in a log line, a header and a Kafka envelope. */
    public static final String PATTERN = "[A-Za-z0-9._:-]+";
    private static final Pattern ALLOWED = Pattern.compile(PATTERN);

    public static final RequestedCorrelation NONE = new RequestedCorrelation(null);

    /** True when {@code id} may name a conversation: 1 to {@value #MAX_LENGTH} of the allowed characters. */
    public static boolean isUsable(String id) {
        return id != null && !id.isEmpty() && id.length() <= MAX_LENGTH && ALLOWED.matcher(id).matches();
    }

    /** The header as sent (absent or blank: none); refused, naming the header, unless it is a usable id. */
    public static RequestedCorrelation fromHeader(String value) {
        if (value == null || value.isBlank()) {
            return NONE;
        }
        if (value.length() > MAX_LENGTH) {
            throw new Invalid("invalid-request", HEADER + " must be at most " + MAX_LENGTH + " characters.", HEADER);
        }
        if (!ALLOWED.matcher(value).matches()) {
            throw new Invalid("invalid-request", HEADER + " may contain only letters, digits, '.', '_', ':' and '-'.",
                    HEADER);
        }
        return new RequestedCorrelation(value);
    }
}
