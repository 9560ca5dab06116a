package org.safeguarding.backbone.referrals.share.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.Timestamp;
import org.axonframework.messaging.annotation.MetaDataValue;
import org.safeguarding.backbone.messaging.Correlation;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationShared;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ConsentWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.FamilyInformed;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.FamilyInformedReviewDue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.CorrectionAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.CorrectionAcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareCorrected;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareWithdrawn;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.StatementVerified;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.AcknowledgementOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationAnswered;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ClarificationRequested;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.InformationUseRecorded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareRead;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.UnderstandingConfirmed;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareAcknowledged;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.ShareForwarded;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.WrittenFollowUpOverdue;
import org.safeguarding.backbone.referrals.share.api.ShareEvents.WrittenFollowUpRecorded;
import org.springframework.stereotype.Component;

/**
 * Keeps {@link ShareView} in step with the event store. A subscribing processor: the view changes in the same
 * transaction as the events, so a share can be read back as soon as the request that made it has returned.
 */
@Component
@ProcessingGroup(ShareProjection.PROCESSING_GROUP)
public class ShareProjection {

    static final String PROCESSING_GROUP = "share-view";

    private final ShareViewRepository shares;

    ShareProjection(ShareViewRepository shares) {
        this.shares = shares;
    }

    @EventHandler
    void on(InformationShared event, @Timestamp Instant recordedAt,
            @MetaDataValue(Correlation.CORRELATION_ID) String correlationId) {
        if (!shares.existsById(event.shareId())) {
            shares.save(new ShareView(event.shareId(), event.childId(), event.senderAgency(), event.purpose(),
                    event.occurredAt(), recordedAt, correlationId, event.recipientAgencies(),
                    new ShareView.Content(event.statements(), event.details(), event.plainLanguageWarnings()),
                    event.acknowledgeBy(), event.writtenFollowUpBy(), event.acknowledgeByRecipient()));
        }
    }

    @EventHandler
    void on(ShareAcknowledged event) {
        shares.findById(event.shareId()).ifPresent(view -> view.acknowledgedBy(event.recipientAgency(),
                event.occurredAt()));
    }

    @EventHandler
    void on(ShareRead event) {
        shares.findById(event.shareId())
                .ifPresent(view -> view.readBy(event.recipientAgency(), event.occurredAt()));
    }

    @EventHandler
    void on(UnderstandingConfirmed event) {
        shares.findById(event.shareId()).ifPresent(view -> {
            view.understoodBy(event.recipientAgency(), event.occurredAt());
            // R9: what it said it understood is part of the exchange, for the sender to read
            if (event.note() != null && !event.note().isBlank()) {
                view.append(new ShareView.ThreadEntry(ShareView.ThreadEntry.Kind.UNDERSTANDING, null,
                        event.recipientAgency(), event.note(), event.occurredAt(), event.plainLanguageWarnings()));
            }
        });
    }

    @EventHandler
    void on(ClarificationRequested event) {
        append(event.shareId(), new ShareView.ThreadEntry(ShareView.ThreadEntry.Kind.QUESTION, event.questionId(),
                event.recipientAgency(), event.question(), event.occurredAt(), event.plainLanguageWarnings()));
    }

    @EventHandler
    void on(ClarificationAnswered event) {
        append(event.shareId(), new ShareView.ThreadEntry(ShareView.ThreadEntry.Kind.ANSWER, event.questionId(),
                event.senderAgency(), event.answer(), event.occurredAt(), event.plainLanguageWarnings()));
    }

    @EventHandler
    void on(InformationUseRecorded event) {
        append(event.shareId(), new ShareView.ThreadEntry(ShareView.ThreadEntry.Kind.USE, null,
                event.recipientAgency(), event.howUsed(), event.occurredAt(), event.plainLanguageWarnings()));
    }

    private void append(String shareId, ShareView.ThreadEntry entry) {
        shares.findById(shareId).ifPresent(view -> view.append(entry));
    }

    @EventHandler
    void on(ShareForwarded event) {
        shares.findById(event.shareId()).ifPresent(view -> view.forwardedTo(event.forwardedTo(), event.forwardedBy(),
                event.transferId()));
    }

    @EventHandler
    void on(WrittenFollowUpRecorded event) {
        shares.findById(event.shareId()).ifPresent(view -> view.followedUpInWriting(event.writtenRecord(),
                event.plainLanguageWarnings(), event.occurredAt()));
    }

    @EventHandler
    void on(AcknowledgementOverdue event) {
        shares.findById(event.shareId()).ifPresent(view -> view.acknowledgementOverdue(event.overdueAgencies()));
    }

    @EventHandler
    void on(WrittenFollowUpOverdue event) {
        shares.findById(event.shareId()).ifPresent(ShareView::writtenFollowUpOverdue);
    }

    @EventHandler
    void on(ShareCorrected event) {
        shares.findById(event.shareId()).ifPresent(view -> view.corrected(new ShareView.Correction(
                event.correction(), ShareView.CorrectionKind.STATEMENT_CORRECTED, event.statementIndex(),
                event.corrected(), event.reason(), event.occurredAt(), event.acknowledgeBy(),
                event.plainLanguageWarnings(), owing(event.recipientAgencies(), event.acknowledgeBy(),
                        event.acknowledgeByRecipient()))));
    }

    @EventHandler
    void on(ShareWithdrawn event) {
        shares.findById(event.shareId()).ifPresent(view -> view.corrected(new ShareView.Correction(
                event.correction(), ShareView.CorrectionKind.WITHDRAWN, null, null, event.reason(),
                event.occurredAt(), event.acknowledgeBy(), event.plainLanguageWarnings(),
                owing(event.recipientAgencies(), event.acknowledgeBy(), event.acknowledgeByRecipient()))));
    }

    private static List<ShareView.CorrectionRecipient> owing(List<String> holders, Instant due,
                                                             Map<String, Instant> dueByRecipient) {
        return holders.stream().map(agency -> new ShareView.CorrectionRecipient(agency,
                dueByRecipient.getOrDefault(agency, due), null, false)).toList();
    }

    @EventHandler
    void on(CorrectionAcknowledged event) {
        shares.findById(event.shareId()).ifPresent(view -> view.correctionAcknowledged(event.correction(),
                event.recipientAgency(), event.occurredAt()));
    }

    @EventHandler
    void on(CorrectionAcknowledgementOverdue event) {
        shares.findById(event.shareId()).ifPresent(view -> view.correctionOverdue(event.correction(),
                event.overdueAgencies()));
    }

    @EventHandler
    void on(StatementVerified event) {
        shares.findById(event.shareId()).ifPresent(view -> view.verified(new ShareView.LaterVerification(
                event.statementIndex(), event.verification(), event.verifiedBy(), event.agency(),
                event.occurredAt())));
    }

    @EventHandler
    void on(FamilyInformed event) {
        shares.findById(event.shareId()).ifPresent(view -> view.familyInformed(event.informedAt(), event.how(),
                event.plainLanguageWarnings()));
    }

    @EventHandler
    void on(FamilyInformedReviewDue event) {
        shares.findById(event.shareId()).ifPresent(ShareView::familyReviewDue);
    }

    @EventHandler
    void on(ConsentWithdrawn event) {
        shares.findById(event.shareId()).ifPresent(view -> view.consentWithdrawn(event.withdrawnAt(), event.reason(),
                event.safeguardingJustification(), event.plainLanguageWarnings()));
    }

    @ResetHandler
    void reset() {
        shares.deleteAll();
    }
}
