package org.safeguarding.backbone.referrals.share.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageChecker;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.kernel.rule.Invalid;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.command.ShareRules;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * The one way a share is made, whether an agency sends it over HTTP, over Kafka, or in answer to a request: a draft
 * whose shape is valid, addressed to agencies the backbone knows, becomes the {@code ShareInformation} command, and
 * the share's own rules decide the rest.
 */
@Service
public class ShareIntake {

    /** Something wrong with a draft: the problem type, the field at fault, and what is wrong. */
    public record Problem(String type, String field, String message) {
    }

    /** What a dry run finds: every problem (none: the share would be accepted) and every plain-language warning. */
    public record Review(List<Problem> problems, List<PlainLanguageWarning> plainLanguageWarnings) {
    }

    private final CommandGateway commands;
    private final KnownAgencies agencies;
    private final Validator validator;
    private final PlainLanguageChecker plainLanguage;
    private final Duration backDatingLimit;

    ShareIntake(CommandGateway commands, KnownAgencies agencies, Validator validator,
                PlainLanguageChecker plainLanguage,
                @Value("${backbone.referrals.shares.back-dating-limit:P7D}") Duration backDatingLimit) {
        this.commands = commands;
        this.agencies = agencies;
        this.validator = validator;
        this.plainLanguage = plainLanguage;
        this.backDatingLimit = backDatingLimit;
    }

    /**
     * R16: a dry run. Every problem the draft has, its shape, unknown recipients, how far back it is dated, and each
     * rule of sharing it breaks, with every plain-language warning in what it says; records nothing. A draft without
     * problems is what {@link #submit} accepts, from this sender, now.
     */
    public Review review(ShareDraft draft, String sender) {
        List<Problem> problems = check(draft);
        ShareInformation share = new ShareInformation("draft", draft.child() == null ? null : draft.child().nhsNumber(),
                sender, draft.recipientAgencies(), draft.purpose(), draft.statementContent(), draft.details(),
                draft.occurredAt());
        // a field whose shape is wrong is reported once, by its shape check
        ShareRules.problemsWith(share).stream()
                .filter(rule -> problems.stream().noneMatch(p -> p.field().equals(rule.field())))
                .forEach(rule -> problems.add(new Problem(rule.type(), rule.field(), rule.getMessage())));
        return new Review(problems, plainLanguage.check(ShareContent.freeText(share.purpose(), share.statements(),
                share.details().childVoice())));
    }

    /**
     * Every problem with the draft that can be seen before the share's rules are applied: its shape, and recipients
     * the backbone does not know. For callers that answer with every problem at once (a Kafka rejection); over HTTP,
     * Spring checks the shape of the body before the controller runs.
     */
    public List<Problem> check(ShareDraft draft) {
        List<Problem> problems = new ArrayList<>();
        validator.validate(draft).stream()
                .sorted(Comparator.comparing((ConstraintViolation<ShareDraft> v) -> v.getPropertyPath().toString()))
                .forEach(v -> problems.add(new Problem("invalid-request", fieldOf(v), v.getMessage())));
        if (draft.recipients() != null) {
            for (int i = 0; i < draft.recipients().size(); i++) {
                String agency = draft.recipients().get(i).agency();
                if (agency != null && !agencies.isKnown(agency)) {
                    problems.add(new Problem("unknown-agency", "recipients[" + i + "].agency",
                            "'" + agency + "' is not an agency known to the backbone."));
                }
            }
        }
        backDatedTooFar(draft.occurredAt()).ifPresent(problems::add);
        return problems;
    }

    /**
     * How far back a share may be dated ({@code backbone.referrals.shares.back-dating-limit}, a week by default): a
     * share recorded late says when it happened, and the backbone records when it was recorded; one dated further
     * back would reorder the chronology and move deadlines that have long passed.
     */
    private Optional<Problem> backDatedTooFar(Instant occurredAt) {
        if (occurredAt != null && occurredAt.isBefore(Instant.now().minus(backDatingLimit))) {
            return Optional.of(new Problem("back-dated-too-far", "occurredAt", "A share may be dated at most "
                    + describe(backDatingLimit) + " before it is recorded; " + occurredAt + " is earlier. Record "
                    + "what happened before then in the statements, as historical information."));
        }
        return Optional.empty();
    }

    private static String describe(Duration limit) {
        long days = limit.toDays();
        return days * 24 == limit.toHours() && days > 0 ? days + (days == 1 ? " day" : " days") : limit.toString();
    }

    /** Records the share {@code sender} makes, under a new id; returns the id. */
    public String submit(ShareDraft draft, String sender, Map<String, String> conversation) {
        return submit(UUID.randomUUID().toString(), draft, sender, conversation);
    }

    /**
     * Records the share {@code sender} makes as share {@code shareId}, in {@code conversation}; returns the id. A
     * recipient the backbone does not know, or a broken rule, is refused and records nothing.
     */
    public String submit(String shareId, ShareDraft draft, String sender, Map<String, String> conversation) {
        backDatedTooFar(draft.occurredAt()).ifPresent(problem -> {
            throw new Invalid(problem.type(), problem.message(), problem.field());
        });
        List<String> recipients = draft.recipientAgencies();
        for (int i = 0; i < recipients.size(); i++) {
            agencies.require("recipients[" + i + "].agency", recipients.get(i));
        }
        CorrelatedCommands.sendAndWait(commands, new ShareInformation(shareId, draft.child().nhsNumber(), sender,
                recipients, draft.purpose(), draft.statementContent(), draft.details(),
                draft.occurredAt() == null ? Instant.now() : draft.occurredAt()), conversation);
        return shareId;
    }

    /** The field as the HTTP API names it: {@code recipients[0].agency}, {@code child.localIds[school-a-records]}. */
    private static String fieldOf(ConstraintViolation<ShareDraft> violation) {
        return violation.getPropertyPath().toString().replace("<list element>", "").replace(".<map value>", "")
                .replace("<map key>", "").replace(".[", "[");
    }
}
