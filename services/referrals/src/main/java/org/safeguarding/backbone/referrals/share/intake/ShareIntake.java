package org.safeguarding.backbone.referrals.share.intake;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.agency.KnownAgencies;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
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

    private final CommandGateway commands;
    private final KnownAgencies agencies;
    private final Validator validator;

    ShareIntake(CommandGateway commands, KnownAgencies agencies, Validator validator) {
        this.commands = commands;
        this.agencies = agencies;
        this.validator = validator;
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
        return problems;
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
        List<String> recipients = draft.recipientAgencies();
        for (int i = 0; i < recipients.size(); i++) {
            agencies.require("recipients[" + i + "].agency", recipients.get(i));
        }
        CorrelatedCommands.sendAndWait(commands, new ShareInformation(shareId, draft.child().nhsNumber(), sender,
                recipients, draft.purpose(), draft.statementContent(), draft.details(),
                draft.occurredAt() == null ? Instant.now() : draft.occurredAt()), conversation);
        return shareId;
    }

    /** The field as the HTTP API names it: {@code recipients[0].agency}. */
    private static String fieldOf(ConstraintViolation<ShareDraft> violation) {
        return violation.getPropertyPath().toString().replace("<list element>", "").replace(".[", "[");
    }
}
