package org.safeguarding.backbone.referrals.config;

import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.safeguarding.backbone.referrals.decision.api.DecisionEvents;
import org.safeguarding.backbone.referrals.request.api.RequestEvents;
import org.safeguarding.backbone.referrals.share.api.ShareEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names this service's events are stored under, for ever (ADR 0007). Version 0.1 stored each under its class
 * name at the time; those names stay, wherever the classes move. A new event gets a short name of its own
 * ({@code referrals.<EventName>}). StoredEventNamesTest checks every event is listed and that what 0.1 stored loads.
 */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfiguration {

    private static final String SHARE_0_1 = "org.safeguarding.backbone.referrals.share.api.ShareEvents$";
    private static final String REQUEST_0_1 = "org.safeguarding.backbone.referrals.request.api.RequestEvents$";
    private static final String DECISION_0_1 = "org.safeguarding.backbone.referrals.decision.api.DecisionEvents$";

    @Bean
    StoredEventNames referralsStoredEvents() {
        return StoredEventNames.builder()
                .event(ShareEvents.InformationShared.class, SHARE_0_1 + "InformationShared")
                .event(ShareEvents.ShareAcknowledged.class, SHARE_0_1 + "ShareAcknowledged")
                .event(ShareEvents.ShareRead.class, SHARE_0_1 + "ShareRead")
                .event(ShareEvents.UnderstandingConfirmed.class, SHARE_0_1 + "UnderstandingConfirmed")
                .event(ShareEvents.ClarificationRequested.class, SHARE_0_1 + "ClarificationRequested")
                .event(ShareEvents.ClarificationAnswered.class, SHARE_0_1 + "ClarificationAnswered")
                .event(ShareEvents.InformationUseRecorded.class, SHARE_0_1 + "InformationUseRecorded")
                .event(ShareEvents.AcknowledgementOverdue.class, SHARE_0_1 + "AcknowledgementOverdue")
                .event(ShareEvents.WrittenFollowUpRecorded.class, SHARE_0_1 + "WrittenFollowUpRecorded")
                .event(ShareEvents.WrittenFollowUpOverdue.class, SHARE_0_1 + "WrittenFollowUpOverdue")
                .event(RequestEvents.InformationRequested.class, REQUEST_0_1 + "InformationRequested")
                .event(RequestEvents.SharingDeclined.class, REQUEST_0_1 + "SharingDeclined")
                .event(RequestEvents.InformationRequestAnswered.class, REQUEST_0_1 + "InformationRequestAnswered")
                .event(ShareEvents.ShareForwarded.class, "referrals.ShareForwarded")
                .event(ShareEvents.ShareCorrected.class, "referrals.ShareCorrected")
                .event(ShareEvents.ShareWithdrawn.class, "referrals.ShareWithdrawn")
                .event(ShareEvents.CorrectionAcknowledged.class, "referrals.CorrectionAcknowledged")
                .event(ShareEvents.CorrectionAcknowledgementOverdue.class, "referrals.CorrectionAcknowledgementOverdue")
                .event(ShareEvents.StatementVerified.class, "referrals.StatementVerified")
                .event(ShareEvents.FamilyInformed.class, "referrals.FamilyInformed")
                .event(ShareEvents.FamilyInformedReviewDue.class, "referrals.FamilyInformedReviewDue")
                .event(ShareEvents.ConsentWithdrawn.class, "referrals.ConsentWithdrawn")
                .event(RequestEvents.InformationRequestOverdue.class, "referrals.InformationRequestOverdue")
                .event(RequestEvents.InformationRequestEscalated.class, "referrals.InformationRequestEscalated")
                .event(DecisionEvents.DecidedNotToShare.class, DECISION_0_1 + "DecidedNotToShare")
                .build();
    }
}
