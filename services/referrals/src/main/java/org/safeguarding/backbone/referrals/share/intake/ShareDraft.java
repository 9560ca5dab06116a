package org.safeguarding.backbone.referrals.share.intake;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Category;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Channel;
import org.safeguarding.backbone.referrals.share.api.ShareContent.ConsentStatus;
import org.safeguarding.backbone.referrals.share.api.ShareContent.RelatedPersonRole;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementCurrency;
import org.safeguarding.backbone.referrals.share.api.ShareContent.StatementKind;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Urgency;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Verification;
import org.safeguarding.backbone.web.body.Child;

/**
 * A share as an agency proposes it, before it is recorded: the body of {@code POST /api/shares} and of an answer to
 * a request, and what a Kafka {@code ShareInformation} is read as. Its shape is checked here (bean validation); the
 * rules that tie fields together (consent and its justification, the six principles, historical statements) are
 * the aggregate's (ShareRules).
 */
public record ShareDraft(
        @NotNull(message = "must say who is sharing") @Valid Sender sender,
        @NotNull(message = "must identify the child") @Valid Child child,
        @Size(max = 50, message = "at most 50 related people in one share")
        List<@NotNull @Valid RelatedPerson> relatedPeople,
        @NotEmpty(message = "must name at least one recipient agency")
        @Size(max = 50, message = "at most 50 recipients: share with those who need to know")
        List<@NotNull @Valid Recipient> recipients,
        @NotBlank(message = "must state why the information is being shared") @Size(max = 4000) String purpose,
        @NotBlank(message = "must state the lawful basis for sharing") @Size(max = 1000) String lawfulBasis,
        @NotNull(message = "is required") Category category,
        @NotNull(message = "must record consent: given, refused or not sought") @Valid Consent consent,
        @NotEmpty(message = "must attest to the six principles")
        @Size(max = 6, message = "there are six principles, each attested once")
        List<@NotNull @Valid Principle> principles,
        @NotEmpty(message = "must contain at least one statement")
        @Size(max = 100, message = "at most 100 statements in one share") List<@NotNull @Valid Statement> statements,
        @NotNull(message = "must record the child's voice, or why it could not be obtained") @Valid ChildVoice childVoice,
        Urgency urgency,
        Channel channel,
        @PastOrPresent(message = "cannot be in the future") Instant occurredAt) {

    public record Sender(@NotBlank(message = "is required") @Size(max = 200) String practitioner,
                         @NotBlank(message = "is required") @Size(max = 200) String role) {
    }

    public record RelatedPerson(@NotBlank(message = "is required") @Size(max = 200) String name,
                                @NotNull(message = "is required") RelatedPersonRole role,
                                @Size(max = 200) String relationship) {
    }

    public record Recipient(@NotBlank(message = "is required") @Size(max = 100) String agency,
                            @Size(max = 200) String team) {
    }

    public record Consent(@NotNull(message = "is required") ConsentStatus status,
                          @NotBlank(message = "must say why") @Size(max = 4000) String reason,
                          @Size(max = 4000) String safeguardingJustification,
                          @NotNull(message = "must say whether the family was told") Boolean familyInformed,
                          @Size(max = 4000) String familyNotInformedReason,
                          LocalDate reviewFamilyInformedBy) {
    }

    public record Principle(@NotNull(message = "is required") ShareContent.Principle principle,
                            @NotNull(message = "is required") Boolean attested,
                            @Size(max = 1000) String reason) {
    }

    public record Statement(@NotBlank(message = "must not be empty") @Size(max = 4000) String text,
                            @NotNull(message = "must say fact or opinion") StatementKind kind,
                            @NotNull(message = "must say current or historical") StatementCurrency currency,
                            @Size(max = 1000) String historicalRelevance,
                            @NotBlank(message = "must say where the information comes from") @Size(max = 500) String source,
                            @NotNull(message = "must say unverified, verified or corroborated") Verification verification,
                            @Size(max = 200) String verifiedBy) {

        /** The statement as the share records it. */
        public ShareContent.Statement content() {
            return new ShareContent.Statement(text, kind, currency, historicalRelevance, source, verification,
                    verifiedBy);
        }
    }

    public record ChildVoice(@Size(max = 4000) String wishesAndFeelings, @Size(max = 4000) String whatTheChildSaid,
                             @Size(max = 4000) String circumstances, @Size(max = 4000) String howDisclosed,
                             @Size(max = 4000) String notObtainedReason) {
    }

    /** The recipients named (none when the list is missing: the shape check reports it). */
    public List<String> recipientAgencies() {
        return recipients == null ? List.of()
                : recipients.stream().map(r -> r == null ? null : r.agency()).toList();
    }

    /** The statements, a missing one (the shape check reports it) kept in its place as an empty statement. */
    public List<ShareContent.Statement> statementContent() {
        return statements == null ? List.of() : statements.stream().map(s -> s == null
                ? new ShareContent.Statement(null, null, null, null, null, null, null) : s.content()).toList();
    }

    /**
     * Everything but the recipients, purpose and statements. A part missing from the draft is missing here (null,
     * or an empty list): the shape check names it, and the share's rules skip it, so a dry run reports both.
     */
    public ShareContent.Details details() {
        Map<String, String> teams = new LinkedHashMap<>();
        if (recipients != null) {
            recipients.stream().filter(r -> r != null && r.agency() != null && r.team() != null && !r.team().isBlank())
                    .forEach(r -> teams.put(r.agency(), r.team()));
        }
        return new ShareContent.Details(sender == null ? null : sender.practitioner(),
                sender == null ? null : sender.role(), teams, child == null ? null : child.localIds(),
                relatedPeople == null ? List.of() : relatedPeople.stream().filter(p -> p != null)
                        .map(p -> new ShareContent.RelatedPerson(p.name(), p.role(), p.relationship())).toList(),
                lawfulBasis, category,
                consent == null ? null : new ShareContent.Consent(consent.status(), consent.reason(),
                        consent.safeguardingJustification(), !Boolean.FALSE.equals(consent.familyInformed()),
                        consent.familyNotInformedReason(), consent.reviewFamilyInformedBy()),
                principles == null ? List.of() : principles.stream().map(p -> p == null
                        ? new ShareContent.PrincipleAttestation(null, false, null)
                        : new ShareContent.PrincipleAttestation(p.principle(), !Boolean.FALSE.equals(p.attested()),
                                p.reason())).toList(),
                childVoice == null ? null : new ShareContent.ChildVoice(childVoice.wishesAndFeelings(),
                        childVoice.whatTheChildSaid(), childVoice.circumstances(), childVoice.howDisclosed(),
                        childVoice.notObtainedReason()),
                urgency, channel);
    }
}
