package org.safeguarding.backbone.web.problem;

/**
 * A business rule the request broke, named so the API can answer with a specific problem type. Services subclass
 * it per rule (e.g. "only a recipient may acknowledge a share"); nothing has changed when one is thrown.
 *
 * <p>Deliberately free of Spring, so command-side code can throw it without knowing about HTTP.
 */
public abstract class RuleViolation extends RuntimeException {

    /** The request conflicts with the state of the record. */
    protected static final int CONFLICT = 409;
    /** The request itself is invalid. */
    protected static final int BAD_REQUEST = 400;
    /** The caller is known but may not do this. */
    protected static final int FORBIDDEN = 403;
    protected static final int NOT_FOUND = 404;

    private final String type;
    private final int status;
    private final String field;

    /** A conflict with the record's state (409), about no particular field. */
    protected RuleViolation(String type, String message) {
        this(type, message, CONFLICT, null);
    }

    /**
     * @param type    the stable problem type, e.g. {@code not-a-recipient}
     * @param status  the HTTP status the API answers with
     * @param field   the request's field the violation is about, or null
     */
    protected RuleViolation(String type, String message, int status, String field) {
        super(message);
        this.type = type;
        this.status = status;
        this.field = field;
    }

    public String type() {
        return type;
    }

    public int status() {
        return status;
    }

    public String field() {
        return field;
    }
}
