package org.safeguarding.backbone.referrals.request.process;

import java.time.Instant;
import java.util.Map;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.kernel.rule.RuleViolation;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.referrals.request.api.RequestCommands.AnswerRequest;
import org.safeguarding.backbone.referrals.request.command.InformationRequest;
import org.safeguarding.backbone.referrals.request.query.RequestProjection;
import org.safeguarding.backbone.referrals.request.query.RequestView;
import org.safeguarding.backbone.referrals.share.intake.ShareDraft;
import org.safeguarding.backbone.referrals.share.intake.ShareIntake;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Answering a request for information with a share (R1, R2): two aggregates, one outcome. The share (through the
 * share's one intake) and the request's answer are recorded together, in the request's conversation, or not at all.
 */
@Service
public class RequestAnswering {

    private final CommandGateway commands;
    private final RequestProjection requests;
    private final ShareIntake shares;

    RequestAnswering(CommandGateway commands, RequestProjection requests, ShareIntake shares) {
        this.commands = commands;
        this.requests = requests;
        this.shares = shares;
    }

    /**
     * {@code holder} answers request {@code requestId} with the share {@code draft}; returns the share's id.
     *
     * @param requestedCorrelation the conversation the caller names, or null to continue the request's own
     */
    @Transactional
    public String answer(String requestId, String holder, ShareDraft draft, String requestedCorrelation) {
        RequestView request = requests.visibleTo(requestId, holder);
        if (!request.getHolderAgency().equals(holder)) {
            // before any share is made: only the agency asked answers
            throw new InformationRequest.NotTheHolder(requestId, holder);
        }
        if (!draft.recipientAgencies().contains(request.getRequestingAgency())) {
            throw new RequesterNotARecipient(request.getRequestingAgency());
        }
        if (!request.getChildId().equals(draft.child().nhsNumber())) {
            throw new AnswerAboutAnotherChild(requestId);
        }
        Map<String, String> conversation = Correlation.continuing(request.getCorrelationId(), requestedCorrelation);
        String shareId = shares.submit(draft, holder, conversation);
        CorrelatedCommands.sendAndWait(commands, new AnswerRequest(requestId, holder, shareId, Instant.now()),
                conversation);
        return shareId;
    }

    /** The answer to a request is about the child the request is about. */
    public static final class AnswerAboutAnotherChild extends RuleViolation {
        AnswerAboutAnotherChild(String requestId) {
            super(Kind.INVALID, "answer-about-another-child", "A share answering request " + requestId
                    + " must be about the child the request is about.", "child.nhsNumber");
        }
    }

    /** Answering a request means sharing with the agency that asked. */
    public static final class RequesterNotARecipient extends RuleViolation {
        RequesterNotARecipient(String requester) {
            super(Kind.INVALID, "requester-not-a-recipient", "A share answering a request must go to the agency that "
                    + "asked (" + requester + ").", "recipients");
        }
    }
}
