package org.safeguarding.backbone.referrals.share.command;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ChildVoice;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Consent;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ConsentStatus;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Principle;
import org.safeguarding.backbone.referrals.share.api.ShareContent.PrincipleAttestation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Statement;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementCurrency;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Verification;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.kernel.rule.RuleViolation;

/** The rules of sharing, each a named check with its own violation naming the field at fault. */
public final class ShareRules {

    private ShareRules() {
    }

    static void requireRecipients(List<String> recipients) {
        if (recipients == null || recipients.isEmpty()) {
            throw new Invalid("no-recipients", "A share must name at least one recipient agency.", "recipients");
        }
        List<String> repeated = recipients.stream().filter(r -> recipients.indexOf(r) != recipients.lastIndexOf(r))
                .distinct().toList();
        if (!repeated.isEmpty()) {
            throw new Invalid("recipient-repeated", "Each recipient agency is named once: " + String.join(", ", repeated)
                    + " is named more than once.", "recipients");
        }
    }

    static void requireSenderIsNotARecipient(String sender, List<String> recipients) {
        if (recipients.contains(sender)) {
            throw new Invalid("sender-is-recipient", "The sending agency " + sender + " cannot also be a recipient.",
                    "recipients");
        }
    }

    /** R1: every share states why it is made. */
    static void requirePurpose(String purpose) {
        if (blank(purpose)) {
            throw new Invalid("no-purpose", "A share must state its purpose.", "purpose");
        }
    }

    /**
     * R3: consent is recorded with a reason; sharing without consent (refused, or not sought) needs a recorded
     * safeguarding justification; a family not told what was shared needs the reason why not.
     */
    static void requireLawfulConsent(Consent consent) {
        if (consent == null) {
            throw new Invalid("no-consent-record", "A share must record consent: given, refused or not sought.",
                    "consent");
        }
        if (blank(consent.reason())) {
            throw new Invalid("no-consent-reason", "Consent must be recorded with a reason.", "consent.reason");
        }
        if (consent.status() != ConsentStatus.GIVEN && blank(consent.safeguardingJustification())) {
            throw new Invalid("no-safeguarding-justification", "Consent was " + describe(consent.status())
                    + ": sharing without consent needs a recorded safeguarding justification.",
                    "consent.safeguardingJustification");
        }
        if (!consent.familyInformed() && blank(consent.familyNotInformedReason())) {
            throw new Invalid("family-not-informed-without-reason",
                    "When the family is not told what is shared, record why not.", "consent.familyNotInformedReason");
        }
    }

    /** R4: the sender attests to each of the six principles once, or says why it cannot. */
    static void requirePrinciples(List<PrincipleAttestation> principles) {
        Set<Principle> seen = EnumSet.noneOf(Principle.class);
        for (int i = 0; i < principles.size(); i++) {
            PrincipleAttestation attestation = principles.get(i);
            if (!seen.add(attestation.principle())) {
                throw new Invalid("principle-repeated", "The principle " + attestation.principle()
                        + " is attested more than once.", "principles[" + i + "].principle");
            }
            if (!attestation.attested() && blank(attestation.reason())) {
                throw new Invalid("principle-not-attested-without-reason", "The principle " + attestation.principle()
                        + " is not attested: say why.", "principles[" + i + "].reason");
            }
        }
        Set<Principle> missing = EnumSet.allOf(Principle.class);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new Invalid("principles-incomplete", "The sender must attest to all six principles; missing: "
                    + missing + ".", "principles");
        }
    }

    /** R5: a historical statement says why it still matters; a verified one says by whom. */
    static void requireClassifiedStatements(List<Statement> statements) {
        for (int i = 0; i < statements.size(); i++) {
            Statement statement = statements.get(i);
            if (statement.currency() == StatementCurrency.HISTORICAL && blank(statement.historicalRelevance())) {
                throw new Invalid("historical-without-relevance", "A historical statement must say why it is still "
                        + "relevant.", "statements[" + i + "].historicalRelevance");
            }
            if (statement.verification() != Verification.UNVERIFIED && blank(statement.verifiedBy())) {
                throw new Invalid("verified-without-verifier", "A " + statement.verification().name().toLowerCase()
                        + " statement must say by whom.", "statements[" + i + "].verifiedBy");
            }
        }
    }

    /** R6: the child's wishes and feelings or words, or why they could not be obtained. */
    static void requireChildVoice(ChildVoice voice) {
        if (voice == null || (!voice.wasHeard() && blank(voice.notObtainedReason()))) {
            throw new Invalid("child-voice-missing", "Record the child's wishes and feelings or what the child said, "
                    + "or why it could not be obtained.", "childVoice");
        }
        // R6: the child's own words are read with how and where they were said
        if (!blank(voice.whatTheChildSaid())) {
            if (blank(voice.circumstances())) {
                throw new Invalid("child-words-without-context", "With what the child said, record the "
                        + "circumstances in which the child said it.", "childVoice.circumstances");
            }
            if (blank(voice.howDisclosed())) {
                throw new Invalid("child-words-without-context", "With what the child said, record how the child "
                        + "came to say it (prompted or not, to whom).", "childVoice.howDisclosed");
            }
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    private static String describe(ConsentStatus status) {
        return status == ConsentStatus.REFUSED ? "refused" : "not sought";
    }

    /** Only the sender can do this to its share: answer a question about it, follow it up in writing. */
    public static final class NotTheSender extends RuleViolation {
        NotTheSender(String shareId, String agency, String act) {
            super("not-the-sender", "Only the agency that made share " + shareId + " can " + act + ", not " + agency
                    + ".");
        }
    }

    /** An answer must be to a question a recipient asked and is still waiting on. */
    public static final class NoOpenQuestion extends RuleViolation {
        NoOpenQuestion(String shareId, String questionId) {
            super("no-open-question", "Share " + shareId + " has no unanswered question " + questionId + ".");
        }
    }

    /** A written share is its own written record: there is nothing to follow up. */
    public static final class NotVerbal extends RuleViolation {
        NotVerbal(String shareId) {
            super("share-not-verbal", "Share " + shareId + " was made in writing: it needs no written follow-up.");
        }
    }

    /**
     * Only a named recipient acts as one (acknowledges, reads, confirms understanding, asks, records a use): the
     * sender cannot do it on a recipient's behalf.
     */
    public static final class NotARecipient extends RuleViolation {
        NotARecipient(String shareId, String agency, String act) {
            super("not-a-recipient", "Agency " + agency + " is not a recipient of share " + shareId + " and cannot "
                    + act + ".");
        }
    }

    /** R12: only an agency that holds a share passes it on with a transfer package. */
    public static final class NotHeldBy extends RuleViolation {
        NotHeldBy(String shareId, String agency) {
            super("share-not-held", "Agency " + agency + " neither made nor received share " + shareId
                    + ", so cannot pass it on.");
        }
    }

    /**
     * A recipient whose own question about the share is still unanswered confirms it understood the share only when it
     * says why (the note), so an open question is never silently closed by a confirmation.
     */
    public static final class QuestionStillOpen extends RuleViolation {
        QuestionStillOpen(String shareId, String agency) {
            super(Kind.CONFLICT, "understanding-with-open-question", "Agency " + agency + " has a question about share "
                    + shareId + " still unanswered: confirm understanding once it is answered, or say in the note why "
                    + "the share is understood without the answer.", "note");
        }
    }
}
