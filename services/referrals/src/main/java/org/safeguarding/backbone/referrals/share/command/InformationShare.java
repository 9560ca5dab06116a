package org.safeguarding.backbone.referrals.share.command;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.spring.stereotype.Aggregate;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.AcknowledgeShare;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;

/** One act of sharing information about a child, and what its recipients did with it. */
@Aggregate
public class InformationShare {

    @AggregateIdentifier
    private String shareId;
    private String childId;
    private List<String> recipientAgencies;
    private final Set<String> acknowledgedBy = new HashSet<>();

    protected InformationShare() {
        // rebuilt from its events by Axon
    }

    @CommandHandler
    public InformationShare(ShareInformation command, ShareDeadlines deadlines) {
        ShareRules.requireRecipients(command.recipientAgencies());
        ShareRules.requireSenderIsNotARecipient(command.senderAgency(), command.recipientAgencies());
        ShareRules.requirePurpose(command.purpose());
        ShareRules.requireLawfulConsent(command.details().consent());
        ShareRules.requirePrinciples(command.details().principles());
        ShareRules.requireClassifiedStatements(command.statements());
        ShareRules.requireChildVoice(command.details().childVoice());
        apply(new InformationShared(command.shareId(), command.childId(), command.senderAgency(),
                List.copyOf(command.recipientAgencies()), command.purpose(), List.copyOf(command.statements()),
                command.details(), command.occurredAt(),
                deadlines.acknowledgeBy(command.details().urgency(), command.occurredAt()),
                deadlines.writtenFollowUpBy(command.details().channel(), command.occurredAt())));
    }

    /** Acknowledging twice records nothing new: the first acknowledgement is the fact. */
    @CommandHandler
    public void handle(AcknowledgeShare command) {
        if (!recipientAgencies.contains(command.agency())) {
            throw new ShareRules.NotARecipient(shareId, command.agency());
        }
        if (acknowledgedBy.contains(command.agency())) {
            return;
        }
        apply(new ShareAcknowledged(shareId, childId, command.agency(), command.occurredAt()));
    }

    @EventSourcingHandler
    void on(InformationShared event) {
        shareId = event.shareId();
        childId = event.childId();
        recipientAgencies = event.recipientAgencies();
    }

    @EventSourcingHandler
    void on(ShareAcknowledged event) {
        acknowledgedBy.add(event.recipientAgency());
    }
}
