package org.safeguarding.backbone.messaging;

import java.util.Map;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Sending a command with its correlation metadata (see {@link Correlation}), the way every act enters a service. */
public final class CorrelatedCommands {

    private CorrelatedCommands() {
    }

    /**
     * Sends {@code command} carrying {@code metaData} and waits until it is handled: when this returns, the events
     * it caused are stored. A rule the command breaks is thrown as it was raised.
     */
    public static <R> R sendAndWait(CommandGateway commands, Object command, Map<String, String> metaData) {
        return commands.sendAndWait(GenericCommandMessage.asCommandMessage(command).andMetaData(metaData));
    }
}
