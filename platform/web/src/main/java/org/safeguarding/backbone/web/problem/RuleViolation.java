package org.safeguarding.backbone.web.problem;

/**
 * A business rule the request broke, named so the API can answer with a specific problem type. Services subclass
 * it per rule (e.g. "only a recipient may acknowledge a share"); nothing has changed when one is thrown.
 *
 * <p>Deliberately free of Spring, so command-side code can throw it without knowing about HTTP.
 */
public abstract class RuleViolation extends RuntimeException {

    private final String type;

    protected RuleViolation(String type, String message) {
        super(message);
        this.type = type;
    }

    /** The stable problem type, e.g. {@code not-a-recipient}. */
    public String type() {
        return type;
    }

    /** The HTTP status the API answers with; 409 (the request conflicts with the state of the record) by default. */
    public int status() {
        return 409;
    }

    /** The request's field this violation is about, when there is one. */
    public String field() {
        return null;
    }
}
