package org.safeguarding.backbone.referrals.share.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.safeguarding.backbone.kernel.plainlanguage.PlainLanguageWarning;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.query.ShareView;

/** A share as the API returns it to its sender and recipients. */
record ShareResponse(String shareId, String childId, Map<String, String> childLocalIds, Sender sender,
                            List<Recipient> recipients, List<ShareContent.RelatedPerson> relatedPeople,
                            String purpose, String lawfulBasis, ShareContent.Category category,
                            ShareContent.Consent consent, List<ShareContent.PrincipleAttestation> principles,
                            List<ShareContent.Statement> statements, ShareContent.ChildVoice childVoice,
                            ShareContent.Urgency urgency, ShareContent.Channel channel, Instant sharedAt,
                            Instant recordedAt, Instant acknowledgeBy, boolean acknowledgementOverdue,
                            Instant writtenFollowUpBy, Instant writtenFollowUpAt, String writtenFollowUp,
                            List<PlainLanguageWarning> writtenFollowUpWarnings, boolean writtenFollowUpOverdue,
                            List<ShareView.ThreadEntry> thread, List<PlainLanguageWarning> plainLanguageWarnings,
                            Instant withdrawnAt, String withdrawalReason, List<ShareView.Correction> corrections,
                            List<ShareView.LaterVerification> laterVerifications,
                            List<ShareContent.Statement> statementsAsCorrected, Family family,
                            ConsentWithdrawal consentWithdrawn) {

    /**
     * R3: when and how the family was told (after the share), and whether the date to review telling it passed; the
     * jargon in how (R16).
     */
    public record Family(Instant informedAt, String how, boolean reviewDue,
                         List<PlainLanguageWarning> plainLanguageWarnings) {
    }

    /**
     * R3: consent withdrawn after the share; {@code safeguardingJustification} null: sharing under it stopped; the
     * jargon in the reason and the justification (R16).
     */
    public record ConsentWithdrawal(Instant withdrawnAt, String reason, String safeguardingJustification,
                                    List<PlainLanguageWarning> plainLanguageWarnings) {
    }

    public record Sender(String agency, String practitioner, String role) {
    }

    /**
     * Where a recipient is with the share: {@code status} is the furthest of NEW, ACKNOWLEDGED, READ, UNDERSTOOD,
     * CLARIFICATION_PENDING while a question it asked is unanswered, or CORRECTION_PENDING while a correction (or the
     * withdrawal) waits for its acknowledgement, due by {@code correctionDueBy}; {@code acknowledgeBy} its own deadline (a
     * school's counts only the time it is open), and whether it passed unmet; for a recipient by transfer (R12), the
     * agency that passed the share on ({@code forwardedBy}) and the transfer.
     */
    public record Recipient(String agency, String team, String status, boolean acknowledged, Instant acknowledgedAt,
                            Instant readAt, Instant understoodAt, Instant acknowledgeBy,
                            boolean acknowledgementOverdue, String forwardedBy, String transferId,
                            Instant correctionDueBy, boolean correctionOverdue) {
    }

    static ShareResponse of(ShareView view) {
        ShareView.Content content = view.getContent();
        ShareContent.Details details = content.details();
        return new ShareResponse(view.getShareId(), view.getChildId(), details.childLocalIds(),
                new Sender(view.getSenderAgency(), details.senderPractitioner(), details.senderRole()),
                view.getRecipients().stream().map(r -> new Recipient(r.getAgency(),
                        details.recipientTeams().get(r.getAgency()), r.getStatus().name(), r.getAcknowledgedAt() != null,
                        r.getAcknowledgedAt(), r.getReadAt(), r.getUnderstoodAt(), view.acknowledgeByFor(r.getAgency()),
                        view.isAcknowledgementOverdueFor(r.getAgency()), r.getForwardedBy(), r.getTransferId(),
                        r.getCorrectionDueBy(), r.isCorrectionOverdue()))
                        .toList(),
                details.relatedPeople(), view.getPurpose(), details.lawfulBasis(), details.category(),
                details.consent(), details.principles(), content.statements(), details.childVoice(),
                details.urgency(), details.channel(), view.getSharedAt(), view.getRecordedAt(),
                view.getAcknowledgeBy(), view.isAcknowledgementOverdue(), view.getWrittenFollowUpBy(),
                view.getWrittenFollowUpAt(), view.getWrittenFollowUp(), view.getWrittenFollowUpWarnings(),
                view.isWrittenFollowUpOverdue(), view.getThread(),
                content.plainLanguageWarnings(), view.getWithdrawnAt(), view.getWithdrawalReason(),
                view.getCorrections(), view.getLaterVerifications(), view.statementsAsCorrected(),
                new Family(view.getFamilyInformedAt(), view.getFamilyInformedHow(), view.isFamilyReviewDue(),
                        view.getFamilyInformedWarnings()),
                view.getConsentWithdrawnAt() == null ? null : new ConsentWithdrawal(view.getConsentWithdrawnAt(),
                        view.getConsentWithdrawalReason(), view.getConsentWithdrawalJustification(),
                        view.getConsentWithdrawalWarnings()));
    }
}
