package org.safeguarding.backbone.transitions.transfer.integration;

import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.common.v1.Envelope;
import org.safeguarding.backbone.contracts.feedback.v1.FeedbackRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.ShareWithdrawn;
import org.safeguarding.backbone.messaging.childkeys.SealedRecords;
import org.safeguarding.backbone.transitions.transfer.query.HeldShareProjection;
import org.safeguarding.backbone.transitions.transfer.query.InvolvementProjection;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learns from the other services which agencies have worked with which child, and which shares each holds about it
 * (for transfer packages): the sender and recipients of a share,
 * the requester and holder of a request, the two sides of feedback. Nothing else makes an agency one that may record
 * a child moving away from it: not a refused inbound record (its sender is only claimed), not a decision not to
 * share.
 */
@Component
class InvolvementListener {

    private final InvolvementProjection involvement;
    private final HeldShareProjection heldShares;
    private final SealedRecords sealed;

    InvolvementListener(InvolvementProjection involvement, HeldShareProjection heldShares, SealedRecords sealed) {
        this.involvement = involvement;
        this.heldShares = heldShares;
        this.sealed = sealed;
    }

    /** One transaction a record: the share held and who is involved are recorded together (one commit, not two). */
    @KafkaListener(topics = {Topics.REFERRALS, Topics.FEEDBACK}, groupId = "transitions")
    @Transactional
    public void on(SpecificRecord event) {
        Envelope envelope = null;
        List<String> parties = new ArrayList<>();
        if (event instanceof InformationShared shared) {
            // its purpose is held (sealed again in the view) for a transfer package
            sealed.open(shared);
            envelope = shared.getEnvelope();
            parties.add(shared.getSenderAgency());
            parties.addAll(shared.getRecipientAgencies());
            heldShares.shared(shared.getShareId(), envelope.getChildId(), shared.getSenderAgency(),
                    shared.getRecipientAgencies(), envelope.getOccurredAt(), envelope.getRecordedAt(),
                    shared.getPurpose(),
                    shared.getConsent() == null ? null : shared.getConsent().getStatus().name(),
                    shared.getLawfulBasis());
        } else if (event instanceof ShareWithdrawn withdrawn) {
            heldShares.noLongerPassedOn(withdrawn.getShareId());
        } else if (event instanceof ConsentWithdrawn withdrawn && withdrawn.getSafeguardingJustification() == null) {
            heldShares.noLongerPassedOn(withdrawn.getShareId());
        } else if (event instanceof InformationRequested requested) {
            envelope = requested.getEnvelope();
            parties.add(requested.getRequestingAgency());
            parties.add(requested.getHolderAgency());
        } else if (event instanceof FeedbackRequested owed) {
            envelope = owed.getEnvelope();
            parties.add(owed.getOwedBy());
            parties.add(owed.getOwedTo());
        }
        if (envelope != null) {
            involvement.involved(envelope.getChildId(), parties, envelope.getOccurredAt());
        }
    }
}
