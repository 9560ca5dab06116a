package org.safeguarding.backbone.referrals.share.api;

import java.time.Instant;
import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Details;
import org.safeguarding.backbone.referrals.share.api.ShareContent.Statement;

/** What an agency can ask of an information share. */
public final class ShareCommands {

    private ShareCommands() {
    }

    public record ShareInformation(@TargetAggregateIdentifier String shareId, String childId, String senderAgency,
                                   List<String> recipientAgencies, String purpose, List<Statement> statements,
                                   Details details, Instant occurredAt) {
    }

    public record AcknowledgeShare(@TargetAggregateIdentifier String shareId, String agency, Instant occurredAt) {
    }
}
