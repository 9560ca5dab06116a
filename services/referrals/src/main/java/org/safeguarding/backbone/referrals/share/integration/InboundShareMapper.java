package org.safeguarding.backbone.referrals.share.integration;

import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import java.util.stream.IntStream;
import org.safeguarding.backbone.contracts.referrals.inbound.v1.ShareInformation;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.intake.ShareDraft;
import org.safeguarding.backbone.web.body.Child;

/**
 * A Kafka ShareInformation request as the draft it is the twin of (the body of {@code POST /api/shares}), so both
 * go through the one intake. Missing values stay missing (null) for the validation to name; enums cross by name, and
 * a symbol the backbone does not take ({@code UNKNOWN}) is refused with its field ({@link UnknownValue}).
 */
final class InboundShareMapper {

    private InboundShareMapper() {
    }

    static ShareDraft toDraft(ShareInformation in) {
        return new ShareDraft(
                in.getSenderPractitioner() == null && in.getSenderRole() == null ? null
                        : new ShareDraft.Sender(in.getSenderPractitioner(), in.getSenderRole()),
                new Child(in.getChildNhsNumber(), in.getChildLocalIds()),
                list(in.getRelatedPeople(), (p, i) -> new ShareDraft.RelatedPerson(p.getName(),
                        known(p.getRole(), ShareContent.RelatedPersonRole.class, "relatedPeople[" + i + "].role"),
                        p.getRelationship())),
                list(in.getRecipients(), (r, i) -> new ShareDraft.Recipient(r.getAgency(), r.getTeam())),
                in.getPurpose(),
                in.getLawfulBasis(),
                known(in.getCategory(), ShareContent.Category.class, "category"),
                in.getConsent() == null ? null : new ShareDraft.Consent(
                        known(in.getConsent().getStatus(), ShareContent.ConsentStatus.class, "consent.status"),
                        in.getConsent().getReason(), in.getConsent().getSafeguardingJustification(),
                        in.getConsent().getFamilyInformed(), in.getConsent().getFamilyNotInformedReason(),
                        in.getConsent().getReviewFamilyInformedBy()),
                list(in.getPrinciples(), (p, i) -> new ShareDraft.Principle(
                        known(p.getPrinciple(), ShareContent.Principle.class, "principles[" + i + "].principle"),
                        p.getAttested(), p.getReason())),
                list(in.getStatements(), (s, i) -> new ShareDraft.Statement(s.getText(),
                        known(s.getKind(), ShareContent.StatementKind.class, "statements[" + i + "].kind"),
                        known(s.getCurrency(), ShareContent.StatementCurrency.class, "statements[" + i + "].currency"),
                        s.getHistoricalRelevance(), s.getSource(),
                        known(s.getVerification(), ShareContent.Verification.class,
                                "statements[" + i + "].verification"),
                        s.getVerifiedBy())),
                in.getChildVoice() == null ? null : new ShareDraft.ChildVoice(in.getChildVoice().getWishesAndFeelings(),
                        in.getChildVoice().getWhatTheChildSaid(), in.getChildVoice().getCircumstances(),
                        in.getChildVoice().getHowDisclosed(), in.getChildVoice().getNotObtainedReason()),
                known(in.getUrgency(), ShareContent.Urgency.class, "urgency"),
                known(in.getChannel(), ShareContent.Channel.class, "channel"),
                in.getOccurredAt());
    }

    private static <A, B> List<B> list(List<A> items, BiFunction<A, Integer, B> map) {
        return items == null ? null : IntStream.range(0, items.size()).mapToObj(i -> map.apply(items.get(i), i))
                .toList();
    }

    /**
     * A contract's enum as the backbone's own, by name. A symbol the backbone does not take is refused, named by its
     * field: {@code UNKNOWN}, the symbol every contract enum resolves a newer one to, or one this version lacks.
     */
    static <E extends Enum<E>> E known(Enum<?> value, Class<E> domain, String field) {
        if (value == null) {
            return null;
        }
        try {
            return Enum.valueOf(domain, value.name());
        } catch (IllegalArgumentException notOurs) {
            throw new UnknownValue(field, value.name(), domain);
        }
    }

    /** A value of an enum the backbone does not take, in the field it was given for. */
    static final class UnknownValue extends IllegalArgumentException {

        private final String field;

        UnknownValue(String field, String value, Class<? extends Enum<?>> domain) {
            super("'" + value + "' is not a value the backbone takes here; it takes "
                    + Arrays.stream(domain.getEnumConstants()).map(Enum::name).toList() + ".");
            this.field = field;
        }

        String field() {
            return field;
        }
    }
}
