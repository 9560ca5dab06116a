package org.safeguarding.backbone.kernel.rule;

/**
 * A request that breaks a rule about what it must contain, naming the rule and the field at fault: "a share must
 * state its purpose" ({@code no-purpose}, {@code purpose}). The one type for every such rule of every service.
 */
public final class Invalid extends RuleViolation {

    public Invalid(String type, String message, String field) {
        super(Kind.INVALID, type, message, field);
    }
}
