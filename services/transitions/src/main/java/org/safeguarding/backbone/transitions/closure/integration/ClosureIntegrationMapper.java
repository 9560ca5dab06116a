package org.safeguarding.backbone.transitions.closure.integration;

import java.util.Optional;
import org.axonframework.eventhandling.EventMessage;
import org.safeguarding.backbone.contracts.Topics;
import org.safeguarding.backbone.contracts.transitions.v1.CaseClosed;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConcernAnswered;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConcernOverridden;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationAnswered;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationNoReply;
import org.safeguarding.backbone.contracts.transitions.v1.ClosureConsultationOpened;
import org.safeguarding.backbone.messaging.publish.Envelopes;
import org.safeguarding.backbone.messaging.publish.IntegrationEvent;
import org.safeguarding.backbone.messaging.publish.IntegrationEventMapper;
import org.safeguarding.backbone.messaging.publish.WarningsOnTheWire;
import org.safeguarding.backbone.transitions.closure.api.ClosureEvents;
import org.springframework.stereotype.Component;

/** A consultation's internal events as the Avro integration events on {@value Topics#TRANSITIONS}. */
@Component
class ClosureIntegrationMapper implements IntegrationEventMapper {

    @Override
    public Optional<IntegrationEvent> map(EventMessage<?> message) {
        Object payload = message.getPayload();
        if (payload instanceof ClosureEvents.ClosureConsultationOpened e) {
            return event(e.childId(), ClosureConsultationOpened.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.closingAgency(), e.occurredAt()))
                    .setConsultationId(e.consultationId()).setClosingAgency(e.closingAgency()).setReason(e.reason())
                    .setConsultees(e.consultees()).setAnswerBy(e.answerBy())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings())).build());
        }
        if (payload instanceof ClosureEvents.ClosureConsultationAnswered e) {
            return event(e.childId(), ClosureConsultationAnswered.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.agency(), e.occurredAt()))
                    .setConsultationId(e.consultationId()).setClosingAgency(e.closingAgency()).setAgency(e.agency())
                    .setAnswer(e.answer()).setReasons(e.reasons())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings())).build());
        }
        if (payload instanceof ClosureEvents.ClosureConsultationNoReply e) {
            return event(e.childId(), ClosureConsultationNoReply.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.closingAgency(), e.occurredAt()))
                    .setConsultationId(e.consultationId()).setClosingAgency(e.closingAgency())
                    .setAgencies(e.agencies()).setAnswerBy(e.answerBy()).build());
        }
        if (payload instanceof ClosureEvents.ClosureConcernAnswered e) {
            return event(e.childId(), ClosureConcernAnswered.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.closingAgency(), e.occurredAt()))
                    .setConsultationId(e.consultationId()).setClosingAgency(e.closingAgency())
                    .setConcernOf(e.concernOf()).setResponse(e.response())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings())).build());
        }
        if (payload instanceof ClosureEvents.ClosureConcernOverridden e) {
            return event(e.childId(), ClosureConcernOverridden.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.closingAgency(), e.occurredAt()))
                    .setConsultationId(e.consultationId()).setClosingAgency(e.closingAgency())
                    .setConcernOf(e.concernOf()).setReason(e.reason())
                    .setPlainLanguageWarnings(WarningsOnTheWire.of(e.plainLanguageWarnings())).build());
        }
        if (payload instanceof ClosureEvents.CaseClosed e) {
            return event(e.childId(), CaseClosed.newBuilder()
                    .setEnvelope(Envelopes.of(message, e.childId(), e.closingAgency(), e.occurredAt()))
                    .setConsultationId(e.consultationId()).setClosingAgency(e.closingAgency())
                    .setAgreed(e.agreed()).setConcernsAnswered(e.concernsAnswered())
                    .setConcernsOverridden(e.concernsOverridden()).setNoReply(e.noReply()).build());
        }
        return Optional.empty();
    }

    private static Optional<IntegrationEvent> event(String childId, org.apache.avro.specific.SpecificRecord record) {
        return Optional.of(new IntegrationEvent(Topics.TRANSITIONS, childId, record));
    }
}
