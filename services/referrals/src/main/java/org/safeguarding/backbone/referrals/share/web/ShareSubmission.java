package org.safeguarding.backbone.referrals.share.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.web.security.KnownAgencies;
import org.springframework.stereotype.Service;

/** Making a share from a validated request: the one path for a share made directly or in answer to a request. */
@Service
public class ShareSubmission {

    private final CommandGateway commands;
    private final KnownAgencies agencies;

    ShareSubmission(CommandGateway commands, KnownAgencies agencies) {
        this.commands = commands;
        this.agencies = agencies;
    }

    /** Records the share {@code sender} makes; returns its id. */
    public String submit(ShareRequest request, String sender, Map<String, String> metaData) {
        List<String> recipients = request.recipientAgencies();
        for (int i = 0; i < recipients.size(); i++) {
            agencies.require("recipients[" + i + "].agency", recipients.get(i));
        }
        String shareId = UUID.randomUUID().toString();
        CorrelatedCommands.sendAndWait(commands, new ShareInformation(shareId, request.child().nhsNumber(), sender,
                recipients, request.purpose(), request.statementContent(), request.details(),
                request.occurredAt() == null ? Instant.now() : request.occurredAt()), metaData);
        return shareId;
    }
}
