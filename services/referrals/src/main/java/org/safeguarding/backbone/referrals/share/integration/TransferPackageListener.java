package org.safeguarding.backbone.referrals.share.integration;

import java.time.Clock;
import org.apache.avro.specific.SpecificRecord;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.transitions.v1.PackageItem;
import org.safeguarding.backbone.contracts.transitions.v1.TransferPackageSent;
import org.safeguarding.backbone.messaging.CorrelatedCommands;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.messaging.consume.ProcessedEvents;
import org.safeguarding.backbone.referrals.share.api.ShareCommands.ForwardShare;
import org.safeguarding.backbone.referrals.share.query.ShareViewRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * R12: a transfer package (from the transitions service) passes each of its shares to the agency the child joined,
 * as the same share, its provenance, consent and lawful basis unchanged: that agency can read it, and finds it in its
 * inbox. Once per package, in one transaction with the forwards; a share this service does not have, or the leaving
 * agency does not hold, is logged and left out, not the whole package (the joining agency's acknowledgement says
 * what is missing).
 */
@Component
class TransferPackageListener {

    static final String CONSUMER = "referrals-transfers";
    private static final Logger LOG = LoggerFactory.getLogger(TransferPackageListener.class);

    private final CommandGateway commands;
    private final ProcessedEvents processed;
    private final ShareViewRepository shares;

    TransferPackageListener(CommandGateway commands, ProcessedEvents processed, ShareViewRepository shares) {
        this.commands = commands;
        this.processed = processed;
        this.shares = shares;
    }

    @KafkaListener(topics = Topics.TRANSITIONS, groupId = CONSUMER)
    @Transactional
    public void on(SpecificRecord event) {
        if (!(event instanceof TransferPackageSent sent)
                || !processed.firstDelivery(CONSUMER, sent.getEnvelope().getEventId())) {
            return;
        }
        for (PackageItem item : sent.getItems()) {
            // checked first, not caught: a refused command would mark this whole transaction for rollback
            boolean held = shares.findById(item.getShareId()).filter(share -> share.isVisibleTo(sent.getFromAgency()))
                    .isPresent();
            if (!held) {
                LOG.warn("Share {} of transfer {} is not one {} holds here: not passed to {}", item.getShareId(),
                        sent.getTransferId(), sent.getFromAgency(), sent.getToAgency());
                continue;
            }
            CorrelatedCommands.sendAndWait(commands, new ForwardShare(item.getShareId(), sent.getFromAgency(),
                    sent.getToAgency(), sent.getTransferId(), Clock.systemUTC().instant()),
                    Correlation.causedBy(sent.getEnvelope()));
        }
    }
}
