package org.safeguarding.backbone.referrals.share.integration;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.web.ShareRequest;

/**
 * A Kafka ShareInformation request as the HTTP request it is the twin of, so both pass one validation. Missing
 * values stay missing (null) for the validation to name; enums cross by name.
 */
final class InboundShareMapper {

    private InboundShareMapper() {
    }

    static ShareRequest toRequest(ShareInformation in) {
        return new ShareRequest(
                in.getSenderPractitioner() == null && in.getSenderRole() == null ? null
                        : new ShareRequest.Sender(in.getSenderPractitioner(), in.getSenderRole()),
                new ShareRequest.Child(in.getChildNhsNumber(), Map.copyOf(in.getChildLocalIds())),
                list(in.getRelatedPeople(), p -> new ShareRequest.RelatedPerson(p.getName(),
                        ShareContent.RelatedPersonRole.valueOf(p.getRole().name()), p.getRelationship())),
                list(in.getRecipients(), r -> new ShareRequest.Recipient(r.getAgency(), r.getTeam())),
                in.getPurpose(),
                in.getLawfulBasis(),
                in.getCategory() == null ? null : ShareContent.Category.valueOf(in.getCategory().name()),
                in.getConsent() == null ? null : new ShareRequest.Consent(
                        ShareContent.ConsentStatus.valueOf(in.getConsent().getStatus().name()),
                        in.getConsent().getReason(), in.getConsent().getSafeguardingJustification(),
                        in.getConsent().getFamilyInformed(), in.getConsent().getFamilyNotInformedReason(),
                        in.getConsent().getReviewFamilyInformedBy()),
                list(in.getPrinciples(), p -> new ShareRequest.Principle(
                        ShareContent.Principle.valueOf(p.getPrinciple().name()), p.getAttested(), p.getReason())),
                list(in.getStatements(), s -> new ShareRequest.Statement(s.getText(),
                        s.getKind() == null ? null : ShareContent.StatementKind.valueOf(s.getKind().name()),
                        s.getCurrency() == null ? null : ShareContent.StatementCurrency.valueOf(s.getCurrency().name()),
                        s.getHistoricalRelevance(), s.getSource(),
                        s.getVerification() == null ? null : ShareContent.Verification.valueOf(s.getVerification().name()),
                        s.getVerifiedBy())),
                in.getChildVoice() == null ? null : new ShareRequest.ChildVoice(in.getChildVoice().getWishesAndFeelings(),
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
