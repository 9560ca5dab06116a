package org.safeguarding.backbone.referrals.share.integration;

import static org.safeguarding.backbone.messaging.publish.Envelopes.BACKBONE;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.referrals.v1.AcknowledgementOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.Channel;
import org.safeguarding.backbone.contracts.referrals.v1.ClarificationAnswered;
import org.safeguarding.backbone.contracts.referrals.v1.ClarificationRequested;
import org.safeguarding.backbone.contracts.referrals.v1.InformationUseRecorded;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.FamilyInformed;
import org.safeguarding.backbone.contracts.referrals.v1.FamilyInformedReviewDue;
import org.safeguarding.backbone.contracts.referrals.v1.CorrectionAcknowledgementOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.ShareCorrected;
import org.safeguarding.backbone.contracts.referrals.v1.ShareForwarded;
import org.safeguarding.backbone.contracts.referrals.v1.ShareWithdrawn;
import org.safeguarding.backbone.contracts.referrals.v1.StatementVerified;
import org.safeguarding.backbone.contracts.referrals.v1.ShareRead;
import org.safeguarding.backbone.contracts.referrals.v1.UnderstandingConfirmed;
import org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpOverdue;
import org.safeguarding.backbone.contracts.referrals.v1.WrittenFollowUpRecorded;
import org.safeguarding.backbone.contracts.referrals.v1.ChildVoice;
import org.safeguarding.backbone.contracts.referrals.v1.Consent;
import org.safeguarding.backbone.contracts.referrals.v1.ConsentStatus;
import org.safeguarding.backbone.contracts.referrals.v1.InformationShared;
import org.safeguarding.backbone.contracts.referrals.v1.Principle;
import org.safeguarding.backbone.contracts.referrals.v1.PrincipleAttestation;
import org.safeguarding.backbone.contracts.referrals.v1.RelatedPerson;
import org.safeguarding.backbone.contracts.referrals.v1.RelatedPersonRole;
import org.safeguarding.backbone.contracts.referrals.v1.ShareAcknowledged;
import org.safeguarding.backbone.contracts.referrals.v1.ShareCategory;
import org.safeguarding.backbone.contracts.referrals.v1.Statement;
import org.safeguarding.backbone.contracts.referrals.v1.StatementCurrency;
import org.safeguarding.backbone.contracts.referrals.v1.StatementKind;
import org.safeguarding.backbone.contracts.referrals.v1.Urgency;
import org.safeguarding.backbone.contracts.referrals.v1.Verification;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.publish.WarningsOnTheWire;
import org.safeguarding.backbone.referrals.share.api.ShareContent;
import org.safeguarding.backbone.referrals.share.api.ShareEvents;
import org.springframework.stereotype.Component;

/**
 * The share's internal events as the Avro integration events on {@value Topics#REFERRALS}. Enums cross by name:
 * the internal and contract enums are kept in step, and a name missing on either side fails here, loudly.
 */
@Component
class ShareIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        if (message.getPayload() instanceof ShareEvents.InformationShared shared) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, shared.childId(), informationShared(message, shared)));
        }
        if (message.getPayload() instanceof ShareEvents.ShareAcknowledged acknowledged) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, acknowledged.childId(),
                    ShareAcknowledged.newBuilder()
                            .setEnvelope(Envelopes.of(message, acknowledged.childId(), acknowledged.recipientAgency(),
                                    acknowledged.occurredAt()))
                            .setShareId(acknowledged.shareId())
                            .setRecipientAgency(acknowledged.recipientAgency())
                            .build()));
        }
        if (message.getPayload() instanceof ShareEvents.ShareForwarded forwarded) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, forwarded.childId(), ShareForwarded.newBuilder()
                    .setEnvelope(Envelopes.of(message, forwarded.childId(), forwarded.forwardedBy(),
                            forwarded.occurredAt()))
                    .setShareId(forwarded.shareId())
                    .setSenderAgency(forwarded.senderAgency())
                    .setForwardedBy(forwarded.forwardedBy())
                    .setForwardedTo(forwarded.forwardedTo())
                    .setTransferId(forwarded.transferId())
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.ShareRead read) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, read.childId(), ShareRead.newBuilder()
                    .setEnvelope(Envelopes.of(message, read.childId(), read.recipientAgency(), read.occurredAt()))
                    .setShareId(read.shareId())
                    .setRecipientAgency(read.recipientAgency())
                    .setSenderAgency(read.senderAgency())
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.UnderstandingConfirmed understood) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, understood.childId(),
                    UnderstandingConfirmed.newBuilder()
                            .setEnvelope(Envelopes.of(message, understood.childId(), understood.recipientAgency(),
                                    understood.occurredAt()))
                            .setShareId(understood.shareId())
                            .setRecipientAgency(understood.recipientAgency())
                            .setSenderAgency(understood.senderAgency())
                            .setNote(understood.note())
                            .setPlainLanguageWarnings(WarningsOnTheWire.of(understood.plainLanguageWarnings()))
                            .build()));
        }
        if (message.getPayload() instanceof ShareEvents.ClarificationRequested asked) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, asked.childId(), ClarificationRequested.newBuilder()
                    .setEnvelope(Envelopes.of(message, asked.childId(), asked.recipientAgency(), asked.occurredAt()))
                    .setShareId(asked.shareId())
                    .setRecipientAgency(asked.recipientAgency())
                    .setSenderAgency(asked.senderAgency())
                    .setQuestionId(asked.questionId())
                    .setQuestion(asked.question())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(asked.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.ClarificationAnswered answered) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, answered.childId(), ClarificationAnswered.newBuilder()
                    .setEnvelope(Envelopes.of(message, answered.childId(), answered.senderAgency(),
                            answered.occurredAt()))
                    .setShareId(answered.shareId())
                    .setSenderAgency(answered.senderAgency())
                    .setRecipientAgency(answered.recipientAgency())
                    .setQuestionId(answered.questionId())
                    .setAnswer(answered.answer())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(answered.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.InformationUseRecorded used) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, used.childId(), InformationUseRecorded.newBuilder()
                    .setEnvelope(Envelopes.of(message, used.childId(), used.recipientAgency(), used.occurredAt()))
                    .setShareId(used.shareId())
                    .setRecipientAgency(used.recipientAgency())
                    .setSenderAgency(used.senderAgency())
                    .setHowUsed(used.howUsed())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(used.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.AcknowledgementOverdue overdue) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, overdue.childId(), AcknowledgementOverdue.newBuilder()
                    .setEnvelope(Envelopes.of(message, overdue.childId(), BACKBONE, overdue.occurredAt()))
                    .setShareId(overdue.shareId())
                    .setSenderAgency(overdue.senderAgency())
                    .setOverdueAgencies(overdue.overdueAgencies())
                    .setDueAt(overdue.dueAt())
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.WrittenFollowUpRecorded written) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, written.childId(), WrittenFollowUpRecorded.newBuilder()
                    .setEnvelope(Envelopes.of(message, written.childId(), written.senderAgency(), written.occurredAt()))
                    .setShareId(written.shareId())
                    .setRecipientAgencies(written.recipientAgencies())
                    .setWrittenRecord(written.writtenRecord())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(written.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.WrittenFollowUpOverdue overdue) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, overdue.childId(), WrittenFollowUpOverdue.newBuilder()
                    .setEnvelope(Envelopes.of(message, overdue.childId(), BACKBONE, overdue.occurredAt()))
                    .setShareId(overdue.shareId())
                    .setSenderAgency(overdue.senderAgency())
                    .setDueAt(overdue.dueAt())
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.ShareCorrected corrected) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, corrected.childId(), ShareCorrected.newBuilder()
                    .setEnvelope(Envelopes.of(message, corrected.childId(), corrected.senderAgency(),
                            corrected.occurredAt()))
                    .setShareId(corrected.shareId())
                    .setSenderAgency(corrected.senderAgency())
                    .setRecipientAgencies(corrected.recipientAgencies())
                    .setCorrection(corrected.correction())
                    .setStatementIndex(corrected.statementIndex())
                    .setCorrected(statement(corrected.corrected()))
                    .setReason(corrected.reason())
                    .setAcknowledgeBy(corrected.acknowledgeBy())
                    .setAcknowledgeByRecipient(corrected.acknowledgeByRecipient())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(corrected.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.ShareWithdrawn withdrawn) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, withdrawn.childId(), ShareWithdrawn.newBuilder()
                    .setEnvelope(Envelopes.of(message, withdrawn.childId(), withdrawn.senderAgency(),
                            withdrawn.occurredAt()))
                    .setShareId(withdrawn.shareId())
                    .setSenderAgency(withdrawn.senderAgency())
                    .setRecipientAgencies(withdrawn.recipientAgencies())
                    .setCorrection(withdrawn.correction())
                    .setReason(withdrawn.reason())
                    .setAcknowledgeBy(withdrawn.acknowledgeBy())
                    .setAcknowledgeByRecipient(withdrawn.acknowledgeByRecipient())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(withdrawn.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.CorrectionAcknowledged acknowledged) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, acknowledged.childId(),
                    CorrectionAcknowledged.newBuilder()
                            .setEnvelope(Envelopes.of(message, acknowledged.childId(), acknowledged.recipientAgency(),
                                    acknowledged.occurredAt()))
                            .setShareId(acknowledged.shareId())
                            .setRecipientAgency(acknowledged.recipientAgency())
                            .setSenderAgency(acknowledged.senderAgency())
                            .setCorrection(acknowledged.correction())
                            .build()));
        }
        if (message.getPayload() instanceof ShareEvents.CorrectionAcknowledgementOverdue overdue) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, overdue.childId(),
                    CorrectionAcknowledgementOverdue.newBuilder()
                            .setEnvelope(Envelopes.of(message, overdue.childId(), BACKBONE, overdue.occurredAt()))
                            .setShareId(overdue.shareId())
                            .setSenderAgency(overdue.senderAgency())
                            .setCorrection(overdue.correction())
                            .setOverdueAgencies(overdue.overdueAgencies())
                            .setDueAt(overdue.dueAt())
                            .build()));
        }
        if (message.getPayload() instanceof ShareEvents.StatementVerified verified) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, verified.childId(), StatementVerified.newBuilder()
                    .setEnvelope(Envelopes.of(message, verified.childId(), verified.agency(), verified.occurredAt()))
                    .setShareId(verified.shareId())
                    .setSenderAgency(verified.senderAgency())
                    .setStatementIndex(verified.statementIndex())
                    .setVerification(Verification.valueOf(verified.verification().name()))
                    .setVerifiedBy(verified.verifiedBy())
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.FamilyInformed informed) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, informed.childId(), FamilyInformed.newBuilder()
                    .setEnvelope(Envelopes.of(message, informed.childId(), informed.senderAgency(),
                            informed.occurredAt()))
                    .setShareId(informed.shareId())
                    .setSenderAgency(informed.senderAgency())
                    .setRecipientAgencies(informed.recipientAgencies())
                    .setInformedAt(informed.informedAt())
                    .setHow(informed.how())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(informed.plainLanguageWarnings()))
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.FamilyInformedReviewDue due) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, due.childId(), FamilyInformedReviewDue.newBuilder()
                    .setEnvelope(Envelopes.of(message, due.childId(), BACKBONE, due.occurredAt()))
                    .setShareId(due.shareId())
                    .setSenderAgency(due.senderAgency())
                    .setReviewBy(due.reviewBy())
                    .build()));
        }
        if (message.getPayload() instanceof ShareEvents.ConsentWithdrawn withdrawn) {
            return Optional.of(new IntegrationEvent(Topics.REFERRALS, withdrawn.childId(), ConsentWithdrawn.newBuilder()
                    .setEnvelope(Envelopes.of(message, withdrawn.childId(), withdrawn.senderAgency(),
                            withdrawn.occurredAt()))
                    .setShareId(withdrawn.shareId())
                    .setSenderAgency(withdrawn.senderAgency())
                    .setRecipientAgencies(withdrawn.recipientAgencies())
                    .setWithdrawnAt(withdrawn.withdrawnAt())
                    .setReason(withdrawn.reason())
                    .setSafeguardingJustification(withdrawn.safeguardingJustification())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(withdrawn.plainLanguageWarnings()))
                    .build()));
        }
        return Optional.empty();
    }

    private static Statement statement(ShareContent.Statement s) {
        return Statement.newBuilder()
                .setText(s.text())
                .setKind(StatementKind.valueOf(s.kind().name()))
                .setCurrency(StatementCurrency.valueOf(s.currency().name()))
                .setHistoricalRelevance(s.historicalRelevance())
                .setSource(s.source())
                .setVerification(Verification.valueOf(s.verification().name()))
                .setVerifiedBy(s.verifiedBy())
                .build();
    }

    private static InformationShared informationShared(EventMessage<?> message, ShareEvents.InformationShared shared) {
        ShareContent.Details details = shared.details();
        ShareContent.Consent consent = details.consent();
        ShareContent.ChildVoice voice = details.childVoice();
        return InformationShared.newBuilder()
                .setEnvelope(Envelopes.of(message, shared.childId(), shared.senderAgency(), shared.occurredAt()))
                .setShareId(shared.shareId())
                .setSenderAgency(shared.senderAgency())
                .setRecipientAgencies(shared.recipientAgencies())
                .setPurpose(shared.purpose())
                .setStatements(shared.statements().stream().map(ShareIntegrationMapper::statement).toList())
                .setSenderPractitioner(details.senderPractitioner())
                .setSenderRole(details.senderRole())
                .setRecipientTeams(details.recipientTeams())
                .setChildLocalIds(details.childLocalIds())
                .setRelatedPeople(details.relatedPeople().stream().map(p -> RelatedPerson.newBuilder()
                        .setName(p.name())
                        .setRole(RelatedPersonRole.valueOf(p.role().name()))
                        .setRelationship(p.relationship())
                        .build()).toList())
                .setLawfulBasis(details.lawfulBasis())
                .setCategory(details.category() == null ? null : ShareCategory.valueOf(details.category().name()))
                .setConsent(Consent.newBuilder()
                        .setStatus(ConsentStatus.valueOf(consent.status().name()))
                        .setReason(consent.reason())
                        .setSafeguardingJustification(consent.safeguardingJustification())
                        .setFamilyInformed(consent.familyInformed())
                        .setFamilyNotInformedReason(consent.familyNotInformedReason())
                        .setReviewFamilyInformedBy(consent.reviewFamilyInformedBy())
                        .build())
                .setPrinciples(details.principles().stream().map(p -> PrincipleAttestation.newBuilder()
                        .setPrinciple(Principle.valueOf(p.principle().name()))
                        .setAttested(p.attested())
                        .setReason(p.reason())
                        .build()).toList())
                .setChildVoice(ChildVoice.newBuilder()
                        .setWishesAndFeelings(voice.wishesAndFeelings())
                        .setWhatTheChildSaid(voice.whatTheChildSaid())
                        .setCircumstances(voice.circumstances())
                        .setHowDisclosed(voice.howDisclosed())
                        .setNotObtainedReason(voice.notObtainedReason())
                        .build())
                .setUrgency(Urgency.valueOf(details.urgency().name()))
                .setChannel(Channel.valueOf(details.channel().name()))
                .setAcknowledgeBy(shared.acknowledgeBy())
                .setAcknowledgeByRecipient(shared.acknowledgeByRecipient())
                .setWrittenFollowUpBy(shared.writtenFollowUpBy())
                .setPlainLanguageWarnings(WarningsOnTheWire.of(shared.plainLanguageWarnings()))
                .build();
    }
}
