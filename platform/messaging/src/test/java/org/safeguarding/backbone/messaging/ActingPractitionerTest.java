package org.safeguarding.backbone.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.eventhandling.GenericEventMessage;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.junit.jupiter.api.Test;
import org.safeguarding.backbone.kernel.agency.ActingPractitioner;

/** Who acted travels with the commands their request sends, and with nothing the backbone does on its own. */
class ActingPractitionerTest {

    private static final String KEY = ActingPractitioner.METADATA;

    private static CommandMessage<?> command() {
        return GenericCommandMessage.asCommandMessage("a command");
    }

    @Test
    void aCommandSentWhileAPractitionerActs_recordsThem_andNoneOtherwise() {
        try (ActingPractitioner.Scope acting = ActingPractitioner.actingAs("Duty social worker (synthetic) 3")) {
            assertThat(EventStoreAutoConfiguration.withThePractitioner(command()).getMetaData())
                    .containsEntry(KEY, "Duty social worker (synthetic) 3");
        }
        assertThat(ActingPractitioner.current()).as("the scope ended with the request").isEmpty();
        assertThat(EventStoreAutoConfiguration.withThePractitioner(command()).getMetaData()).doesNotContainKey(KEY);
    }

    @Test
    void aCommandAProcessSendsOnSeeingAnEvent_isTheBackboneActing_notThePractitionerWhoseActItSaw() {
        UnitOfWork<?> handlingAnEvent = DefaultUnitOfWork.startAndGet(GenericEventMessage.asEventMessage("an event"));
        try (ActingPractitioner.Scope acting = ActingPractitioner.actingAs("Designated lead (synthetic) 2")) {
            assertThat(EventStoreAutoConfiguration.withThePractitioner(command()).getMetaData())
                    .doesNotContainKey(KEY);
        } finally {
            handlingAnEvent.rollback();
        }
    }

    @Test
    void aPractitionerAlreadyOnTheCommand_isKept() {
        try (ActingPractitioner.Scope acting = ActingPractitioner.actingAs("someone else (synthetic)")) {
            CommandMessage<?> named = command().andMetaData(Map.of(KEY, "Named (synthetic) 1"));
            assertThat(EventStoreAutoConfiguration.withThePractitioner(named).getMetaData())
                    .containsEntry(KEY, "Named (synthetic) 1");
        }
    }

    @Test
    void thePractitionerPassesFromACommandToItsEvents_butNotFromAnEventOnward() {
        var provider = new EventStoreAutoConfiguration().practitionerOfTheCommand();
        CommandMessage<?> named = command().andMetaData(Map.of(KEY, "Named (synthetic) 1"));
        assertThat(provider.correlationDataFor(named).get(KEY)).isEqualTo("Named (synthetic) 1");
        assertThat(provider.correlationDataFor(GenericEventMessage.asEventMessage("an event")
                .andMetaData(Map.of(KEY, "Named (synthetic) 1")))).isEmpty();
    }
}
