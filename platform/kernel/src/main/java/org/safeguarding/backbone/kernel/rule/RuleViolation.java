package org.safeguarding.backbone.kernel.rule;

/**
 * A business rule the request broke, named so the API can answer with a specific problem type. Services subclass
 * it per rule (e.g. "only a recipient may acknowledge a share"); nothing has changed when one is thrown.
 *
 * <p>Free of Spring and of HTTP: a violation says what {@link Kind} of refusal it is, and the web layer decides the
 * status code (platform/web ProblemExceptionHandler); a Kafka consumer turns the same violation into a rejection.
 */
public abstract class RuleViolation extends RuntimeException {

    /** What kind of refusal this is, independent of how the caller reached us. */
    public enum Kind {
        /** The request itself is invalid: it could never succeed as sent. */
        INVALID,
        /** The request conflicts with the state of the record (already decided, not the sender, ...). */
        CONFLICT,
        /** The caller is known, but may not do this. */
        FORBIDDEN,
        /** No such record is visible to the caller. */
        NOT_FOUND
    }

    private final Kind kind;
    private final String type;
    private final String field;

    /** A conflict with the record's state, about no particular field. */
    protected RuleViolation(String type, String message) {
        this(Kind.CONFLICT, type, message, null);
    }

    /**
     * @param kind   what kind of refusal this is
     * @param type   the stable problem type, e.g. {@code not-a-recipient}
     * @param field  the request's field the violation is about, or null
     */
    protected RuleViolation(Kind kind, String type, String message, String field) {
        super(message);
        this.kind = kind;
        this.type = type;
        this.field = field;
    }

    public Kind kind() {
        return kind;
    }

    public String type() {
        return type;
    }

    public String field() {
        return field;
    }
}
