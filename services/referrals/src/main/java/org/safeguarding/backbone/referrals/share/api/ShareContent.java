package org.safeguarding.backbone.referrals.share.api;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.kernel.childkeys.Personal;

/** What a share says, as the guidance asks it to be said. Plain values, shared by commands, events and views. */
public final class ShareContent {

    private ShareContent() {
    }

    /**
     * The free text a recipient in another agency has to understand (R16), by the field it was written in:
     * {@code purpose}, {@code statements[0].text}, {@code childVoice.whatTheChildSaid}...
     */
    public static Map<String, String> freeText(String purpose, List<Statement> statements, ChildVoice voice) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("purpose", purpose);
        for (int i = 0; statements != null && i < statements.size(); i++) {
            fields.put("statements[" + i + "].text", statements.get(i).text());
        }
        if (voice != null) {
            fields.put("childVoice.wishesAndFeelings", voice.wishesAndFeelings());
            fields.put("childVoice.whatTheChildSaid", voice.whatTheChildSaid());
            fields.put("childVoice.circumstances", voice.circumstances());
            fields.put("childVoice.howDisclosed", voice.howDisclosed());
        }
        return fields;
    }

    /** Everything about a share beyond who sent it to whom, for what purpose, and its statements. */
    public record Details(String senderPractitioner, String senderRole, Map<String, String> recipientTeams,
                          @Personal Map<String, String> childLocalIds, List<RelatedPerson> relatedPeople, String lawfulBasis,
                          Category category, Consent consent, List<PrincipleAttestation> principles,
                          ChildVoice childVoice, Urgency urgency, Channel channel) {

        public Details {
            recipientTeams = recipientTeams == null ? Map.of() : Map.copyOf(recipientTeams);
            childLocalIds = childLocalIds == null ? Map.of() : Map.copyOf(childLocalIds);
            relatedPeople = relatedPeople == null ? List.of() : List.copyOf(relatedPeople);
            principles = principles == null ? List.of() : List.copyOf(principles);
            urgency = urgency == null ? Urgency.ROUTINE : urgency;
            channel = channel == null ? Channel.WRITTEN : channel;
        }
    }

    public enum Category { CHILD_HEALTH_OR_DEVELOPMENT, EXPOSURE_TO_HARM, PARENT_NEEDS_HELP, PERSON_POSING_RISK }

    public record RelatedPerson(@Personal String name, RelatedPersonRole role, @Personal String relationship) {
    }

    public enum RelatedPersonRole { PARENT_OR_CARER, POSSIBLE_RISK, OTHER }

    /** R3: consent, and whether the family knows what was shared. */
    public record Consent(ConsentStatus status, @Personal String reason, @Personal String safeguardingJustification,
                          boolean familyInformed, @Personal String familyNotInformedReason, LocalDate reviewFamilyInformedBy) {
    }

    public enum ConsentStatus { GIVEN, REFUSED, NOT_SOUGHT }

    /** R4: the sender stands behind each of the six principles, or says why it cannot. */
    public record PrincipleAttestation(Principle principle, boolean attested, @Personal String reason) {
    }

    public enum Principle { NECESSARY_AND_PROPORTIONATE, RELEVANT, ADEQUATE, ACCURATE, TIMELY, SECURE }

    /** R5: one statement, marked so the recipient knows what weight to give it. */
    public record Statement(@Personal String text, StatementKind kind, StatementCurrency currency,
                            @Personal String historicalRelevance, @Personal String source, Verification verification, String verifiedBy) {
    }

    public enum StatementKind { FACT, OPINION }

    public enum StatementCurrency { CURRENT, HISTORICAL }

    public enum Verification { UNVERIFIED, VERIFIED, CORROBORATED }

    /** R6: the child's voice, or why it could not be obtained. */
    public record ChildVoice(@Personal String wishesAndFeelings, @Personal String whatTheChildSaid,
                             @Personal String circumstances, @Personal String howDisclosed,
                             @Personal String notObtainedReason) {

        public boolean wasHeard() {
            return present(wishesAndFeelings) || present(whatTheChildSaid);
        }

        private static boolean present(String value) {
            return value != null && !value.isBlank();
        }
    }

    /** R11: how soon recipients must acknowledge. */
    public enum Urgency { IMMEDIATE, URGENT, ROUTINE }

    /** R7: a verbal share must be followed up in writing. */
    public enum Channel {
        WRITTEN, PHONE, FACE_TO_FACE;

        public boolean isVerbal() {
            return this != WRITTEN;
        }
    }
}
