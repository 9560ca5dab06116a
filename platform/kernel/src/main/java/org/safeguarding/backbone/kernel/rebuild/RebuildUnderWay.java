package org.safeguarding.backbone.kernel.rebuild;

import org.safeguarding.backbone.kernel.rule.RuleViolation;

/** One rebuild of a projection at a time. */
public final class RebuildUnderWay extends RuleViolation {

    public RebuildUnderWay(String projection) {
        super(Kind.CONFLICT, "rebuild-under-way", "The " + projection
                + " is being rebuilt already; follow its progress.", null);
    }
}
