package org.safeguarding.backbone.transitions.config;

import org.safeguarding.backbone.messaging.store.StoredEventNames;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents;
import org.safeguarding.backbone.transitions.transfer.api.TransferEvents;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The names this service's events are stored under, for ever (ADR 0007): version 0.1's class names stay, wherever
 * the classes move; a new event gets a short name ({@code transitions.<EventName>}). Checked by
 * StoredEventNamesTest.
 */
@Configuration(proxyBeanMethods = false)
class StoredEventsConfiguration {

    private static final String TRANSFER_0_1 = "org.safeguarding.backbone.transitions.transfer.api.TransferEvents$";

    @Bean
    StoredEventNames transitionsStoredEvents() {
        return StoredEventNames.builder()
                .event(TransferEvents.ChildTransferred.class, TRANSFER_0_1 + "ChildTransferred")
                .event(TransferEvents.TransferProposed.class, "transitions.TransferProposed")
                .event(TransferEvents.TransferPackageSent.class, "transitions.TransferPackageSent")
                .event(TransferEvents.TransferPackageAcknowledged.class, "transitions.TransferPackageAcknowledged")
                .event(TransferEvents.TransferPackageOverdue.class, "transitions.TransferPackageOverdue")
                .event(ClosureEvents.ClosureConsultationOpened.class, "transitions.ClosureConsultationOpened")
                .event(ClosureEvents.ClosureConsultationAnswered.class, "transitions.ClosureConsultationAnswered")
                .event(ClosureEvents.ClosureConsultationNoReply.class, "transitions.ClosureConsultationNoReply")
                .event(ClosureEvents.ClosureConcernAnswered.class, "transitions.ClosureConcernAnswered")
                .event(ClosureEvents.ClosureConcernOverridden.class, "transitions.ClosureConcernOverridden")
                .event(ClosureEvents.CaseClosed.class, "transitions.CaseClosed")
                .build();
    }
}
