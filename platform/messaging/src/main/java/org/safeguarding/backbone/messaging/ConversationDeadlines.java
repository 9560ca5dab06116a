package org.safeguarding.backbone.messaging;

import org.axonframework.messaging.GenericMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * A deadline's payload, carrying the correlation data of what set it: what the deadline handler records when it fires
 * (an act overdue, a step up a ladder) continues the same conversation (the deadline manager applies the correlation
 * providers, DeadlinesAutoConfiguration). Schedule {@code deadlines.schedule(at, name, inThisConversation(payload))}.
 */
public final class ConversationDeadlines {

    private ConversationDeadlines() {
    }

    public static <T> Message<T> inThisConversation(T payload) {
        return new GenericMessage<>(payload, CurrentUnitOfWork.map(UnitOfWork::getCorrelationData)
                .orElse(MetaData.emptyInstance()));
    }
}
