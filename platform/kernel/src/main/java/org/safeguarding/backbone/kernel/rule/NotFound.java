package org.safeguarding.backbone.kernel.rule;

/**
 * What the caller asked for does not exist, or exists but is not theirs to see: the two are deliberately
 * indistinguishable, so a caller cannot learn that a record about a child exists.
 */
public class NotFound extends RuleViolation {

    public NotFound(String what, String id) {
        super(Kind.NOT_FOUND, "not-found", "No " + what + " " + id + " is visible to this agency.", null);
    }
}
