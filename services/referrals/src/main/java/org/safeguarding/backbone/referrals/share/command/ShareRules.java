package org.safeguarding.backbone.referrals.share.command;

import java.util.List;
import org.safeguarding.backbone.web.problem.RuleViolation;

/** The rules of sharing, each a named check with its own violation. */
public final class ShareRules {

    private ShareRules() {
    }

    static void requireRecipients(List<String> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            throw new NoRecipients();
        }
    }

    static void requireSenderIsNotARecipient(String sender, List<String> recipients) {
        if (recipients.contains(sender)) {
            throw new SenderIsARecipient(sender);
        }
    }

    static void requirePurpose(String purpose) {
        if (purpose == null || purpose.isBlank()) {
            throw new NoPurpose();
        }
    }

    /** R10: information goes only to the agencies that need it, so a share names them. */
    public static final class NoRecipients extends RuleViolation {
        NoRecipients() {
            super("no-recipients", "A share must name at least one recipient agency.", BAD_REQUEST, "recipients");
        }
    }

    /** R1: every share states why it is made. */
    public static final class NoPurpose extends RuleViolation {
        NoPurpose() {
            super("no-purpose", "A share must state its purpose.", BAD_REQUEST, "purpose");
        }
    }

    public static final class SenderIsARecipient extends RuleViolation {
        SenderIsARecipient(String sender) {
            super("sender-is-recipient", "The sending agency " + sender + " cannot also be a recipient.", BAD_REQUEST,
                    "recipients");
        }
    }

    /** Only a named recipient acknowledges receipt: the sender cannot acknowledge on its behalf. */
    public static final class NotARecipient extends RuleViolation {
        NotARecipient(String shareId, String agency) {
            super("not-a-recipient", "Agency " + agency + " is not a recipient of share " + shareId
                    + " and cannot acknowledge it.");
        }
    }
}
