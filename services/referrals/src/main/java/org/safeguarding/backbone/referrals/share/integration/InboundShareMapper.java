package org.safeguarding.backbone.referrals.share.integration;

import java.util.List;
import java.util.function.Function;
import org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.intake.ShareDraft;
import org.safeguarding.backbone.web.body.Child;

/**
 * A Kafka ShareInformation request as the draft it is the twin of (the body of {@code POST /api/shares}), so both
 * go through the one intake. Missing values stay missing (null) for the validation to name; enums cross by name.
 */
final class InboundShareMapper {

    private InboundShareMapper() {
    }

    static ShareDraft toDraft(ShareInformation in) {
        return new ShareDraft(
                in.getSenderPractitioner() == null && in.getSenderRole() == null ? null
                        : new ShareDraft.Sender(in.getSenderPractitioner(), in.getSenderRole()),
                new Child(in.getChildNhsNumber(), in.getChildLocalIds()),
                list(in.getRelatedPeople(), p -> new ShareDraft.RelatedPerson(p.getName(),
                        ShareContent.RelatedPersonRole.valueOf(p.getRole().name()), p.getRelationship())),
                list(in.getRecipients(), r -> new ShareDraft.Recipient(r.getAgency(), r.getTeam())),
                in.getPurpose(),
                in.getLawfulBasis(),
                in.getCategory() == null ? null : ShareContent.Category.valueOf(in.getCategory().name()),
                in.getConsent() == null ? null : new ShareDraft.Consent(
                        ShareContent.ConsentStatus.valueOf(in.getConsent().getStatus().name()),
                        in.getConsent().getReason(), in.getConsent().getSafeguardingJustification(),
                        in.getConsent().getFamilyInformed(), in.getConsent().getFamilyNotInformedReason(),
                        in.getConsent().getReviewFamilyInformedBy()),
                list(in.getPrinciples(), p -> new ShareDraft.Principle(
                        ShareContent.Principle.valueOf(p.getPrinciple().name()), p.getAttested(), p.getReason())),
                list(in.getStatements(), s -> new ShareDraft.Statement(s.getText(),
                        s.getKind() == null ? null : ShareContent.StatementKind.valueOf(s.getKind().name()),
                        s.getCurrency() == null ? null : ShareContent.StatementCurrency.valueOf(s.getCurrency().name()),
                        s.getHistoricalRelevance(), s.getSource(),
                        s.getVerification() == null ? null : ShareContent.Verification.valueOf(s.getVerification().name()),
                        s.getVerifiedBy())),
                in.getChildVoice() == null ? null : new ShareDraft.ChildVoice(in.getChildVoice().getWishesAndFeelings(),
                        in.getChildVoice().getWhatTheChildSaid(), in.getChildVoice().getCircumstances(),
                        in.getChildVoice().getHowDisclosed(), in.getChildVoice().getNotObtainedReason()),
                in.getUrgency() == null ? null : ShareContent.Urgency.valueOf(in.getUrgency().name()),
                in.getChannel() == null ? null : ShareContent.Channel.valueOf(in.getChannel().name()),
                in.getOccurredAt());
    }

    private static <A, B> List<B> list(List<A> items, Function<A, B> map) {
        return items == null ? null : items.stream().map(map).toList();
    }
}
