package org.safeguarding.backbone.referrals.share.command;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ChildVoice;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Details;
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

    /**
     * Every rule a share breaks, in the order a refusal names them (the first is what {@code POST /api/shares}
     * answers with): for a dry run, which shows them all at once. Tolerates a draft whose shape is incomplete (a
     * missing list or value is what its shape check reports; the rules skip it).
     */
    public static List<Invalid> problemsWith(ShareInformation share) {
        List<Invalid> found = new ArrayList<>();
        recipients(share.recipientAgencies(), found);
        senderIsNotARecipient(share.senderAgency(), share.recipientAgencies(), found);
        purpose(share.purpose(), found);
        Details details = share.details();
        lawfulConsent(details == null ? null : details.consent(), found);
        principles(details == null ? List.of() : details.principles(), found);
        classifiedStatements(share.statements(), found);
        childVoice(details == null ? null : details.childVoice(), found);
        return found;
    }

    /** The first rule the share breaks, if any, refused. */
    static void require(ShareInformation share) {
        List<Invalid> found = problemsWith(share);
        if (!found.isEmpty()) {
            throw found.get(0);
        }
    }

    private static void recipients(List<String> recipients, List<Invalid> found) {
        if (recipients == null || recipients.isEmpty()) {
            found.add(new Invalid("no-recipients", "A share must name at least one recipient agency.", "recipients"));
            return;
        }
        List<String> repeated = recipients.stream().filter(r -> recipients.indexOf(r) != recipients.lastIndexOf(r))
                .distinct().toList();
        if (!repeated.isEmpty()) {
            found.add(new Invalid("recipient-repeated", "Each recipient agency is named once: "
                    + String.join(", ", repeated) + " is named more than once.", "recipients"));
        }
    }

    private static void senderIsNotARecipient(String sender, List<String> recipients, List<Invalid> found) {
        if (recipients != null && recipients.contains(sender)) {
            found.add(new Invalid("sender-is-recipient", "The sending agency " + sender
                    + " cannot also be a recipient.", "recipients"));
        }
    }

    /** R1: every share states why it is made. */
    private static void purpose(String purpose, List<Invalid> found) {
        if (blank(purpose)) {
            found.add(new Invalid("no-purpose", "A share must state its purpose.", "purpose"));
        }
    }

    /**
     * R3: consent is recorded with a reason; sharing without consent (refused, or not sought) needs a recorded
     * safeguarding justification; a family not told what was shared needs the reason why not.
     */
    private static void lawfulConsent(Consent consent, List<Invalid> found) {
        if (consent == null) {
            found.add(new Invalid("no-consent-record", "A share must record consent: given, refused or not sought.",
                    "consent"));
            return;
        }
        if (blank(consent.reason())) {
            found.add(new Invalid("no-consent-reason", "Consent must be recorded with a reason.", "consent.reason"));
        }
        if (consent.status() != null && consent.status() != ConsentStatus.GIVEN
                && blank(consent.safeguardingJustification())) {
            found.add(new Invalid("no-safeguarding-justification", "Consent was " + describe(consent.status())
                    + ": sharing without consent needs a recorded safeguarding justification.",
                    "consent.safeguardingJustification"));
        }
        if (!consent.familyInformed() && blank(consent.familyNotInformedReason())) {
            found.add(new Invalid("family-not-informed-without-reason",
                    "When the family is not told what is shared, record why not.", "consent.familyNotInformedReason"));
        }
    }

    /** R4: the sender attests to each of the six principles once, or says why it cannot. */
    private static void principles(List<PrincipleAttestation> principles, List<Invalid> found) {
        Set<Principle> seen = EnumSet.noneOf(Principle.class);
        for (int i = 0; i < principles.size(); i++) {
            PrincipleAttestation attestation = principles.get(i);
            if (attestation == null || attestation.principle() == null) {
                continue;
            }
            if (!seen.add(attestation.principle())) {
                found.add(new Invalid("principle-repeated", "The principle " + attestation.principle()
                        + " is attested more than once.", "principles[" + i + "].principle"));
            }
            if (!attestation.attested() && blank(attestation.reason())) {
                found.add(new Invalid("principle-not-attested-without-reason", "The principle "
                        + attestation.principle() + " is not attested: say why.", "principles[" + i + "].reason"));
            }
        }
        Set<Principle> missing = EnumSet.allOf(Principle.class);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            found.add(new Invalid("principles-incomplete", "The sender must attest to all six principles; missing: "
                    + missing + ".", "principles"));
        }
    }

    /** R5: a historical statement says why it still matters; a verified one says by whom. */
    private static void classifiedStatements(List<Statement> statements, List<Invalid> found) {
        for (int i = 0; statements != null && i < statements.size(); i++) {
            Statement statement = statements.get(i);
            if (statement.currency() == StatementCurrency.HISTORICAL && blank(statement.historicalRelevance())) {
                found.add(new Invalid("historical-without-relevance", "A historical statement must say why it is "
                        + "still relevant.", "statements[" + i + "].historicalRelevance"));
            }
            if (statement.verification() != null && statement.verification() != Verification.UNVERIFIED
                    && blank(statement.verifiedBy())) {
                found.add(new Invalid("verified-without-verifier", "A "
                        + statement.verification().name().toLowerCase() + " statement must say by whom.",
                        "statements[" + i + "].verifiedBy"));
            }
        }
    }

    /** R6: the child's wishes and feelings or words, or why they could not be obtained. */
    private static void childVoice(ChildVoice voice, List<Invalid> found) {
        if (voice == null || (!voice.wasHeard() && blank(voice.notObtainedReason()))) {
            found.add(new Invalid("child-voice-missing", "Record the child's wishes and feelings or what the child "
                    + "said, or why it could not be obtained.", "childVoice"));
            return;
        }
        // R6: the child's own words are read with how and where they were said
        if (!blank(voice.whatTheChildSaid())) {
            if (blank(voice.circumstances())) {
                found.add(new Invalid("child-words-without-context", "With what the child said, record the "
                        + "circumstances in which the child said it.", "childVoice.circumstances"));
            }
            if (blank(voice.howDisclosed())) {
                found.add(new Invalid("child-words-without-context", "With what the child said, record how the child "
                        + "came to say it (prompted or not, to whom).", "childVoice.howDisclosed"));
            }
        }
    }

    /** R5: a corrected statement follows the rules of every statement; {@code field} names it in a refusal. */
    static void requireClassified(Statement statement, String field) {
        List<Invalid> found = new ArrayList<>();
        classifiedStatements(List.of(statement), found);
        if (!found.isEmpty()) {
            Invalid first = found.get(0);
            throw new Invalid(first.type(), first.getMessage(), first.field().replace("statements[0]", field));
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

    /** A withdrawn share stays on the record, but takes no more questions, uses or corrections. */
    public static final class Withdrawn extends RuleViolation {
        Withdrawn(String shareId, String act) {
            super("share-withdrawn", "Share " + shareId + " was withdrawn by its sender: it cannot be " + act
                    + " any more.");
        }
    }

    /** A correction or verification names a statement the share has. */
    public static final class NoSuchStatement extends RuleViolation {
        NoSuchStatement(String shareId, int statement, int statements) {
            super(Kind.INVALID, "no-such-statement", "Share " + shareId + " has statements 0 to " + (statements - 1)
                    + "; there is no statement " + statement + ".", "statementIndex");
        }
    }

    /** An acknowledgement names a correction the share has. */
    public static final class NoSuchCorrection extends RuleViolation {
        NoSuchCorrection(String shareId, int correction) {
            super(Kind.NOT_FOUND, "not-found", "Share " + shareId + " has no correction " + correction + ".", null);
        }
    }

    /** R3: only consent that was given can be withdrawn. */
    public static final class ConsentNotGiven extends RuleViolation {
        ConsentNotGiven(String shareId, ConsentStatus status) {
            super("consent-not-given", "Share " + shareId + " was made without consent (" + describe(status)
                    + "): there is no consent to withdraw.");
        }
    }
}
