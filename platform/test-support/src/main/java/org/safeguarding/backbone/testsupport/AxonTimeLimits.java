package org.safeguarding.backbone.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.annotation.MessageHandlingMember;
import org.axonframework.messaging.timeout.HandlerTimeoutHandlerEnhancerDefinition;
import org.axonframework.messaging.timeout.TaskTimeoutSettings;
import org.axonframework.queryhandling.QueryMessage;
import org.axonframework.springboot.TimeoutProperties;
import org.springframework.context.ApplicationContext;

/**
 * What each service's {@code axon.timeout} settings must give (issue 11): every unit of work limited in time (a
 * command with the views it updates, a processor's batch, a deadline), and no second limit on each handler within it,
 * whose every start captured its thread's stack.
 */
public final class AxonTimeLimits {

    private AxonTimeLimits() {
    }

    public static void assertLimitedPerUnitOfWorkOnly(ApplicationContext service) {
        TimeoutProperties timeouts = service.getBean(TimeoutProperties.class);
        assertThat(timeouts.isEnabled()).as("axon.timeout.enabled").isTrue();
        TimeoutProperties.TransactionTimeoutProperties units = timeouts.getTransaction();
        for (TaskTimeoutSettings unit : List.of(units.getCommandBus(), units.getEventProcessors(),
                units.getDeadline())) {
            assertThat(unit.getTimeoutMs()).as("a unit of work's time limit").isPositive();
            assertThat(unit.getWarningThresholdMs()).as("a unit of work's warning")
                    .isPositive().isLessThan(unit.getTimeoutMs());
        }
        HandlerTimeoutHandlerEnhancerDefinition handlers =
                service.getBean(HandlerTimeoutHandlerEnhancerDefinition.class);
        for (Class<? extends Message> kind : List.of(CommandMessage.class, EventMessage.class, QueryMessage.class,
                DeadlineMessage.class)) {
            MessageHandlingMember<Object> member = handlerOf(kind);
            assertThat(handlers.wrapHandler(member)).as("a " + kind.getSimpleName() + " handler, not wrapped again")
                    .isSameAs(member);
        }
    }

    /** A handler of {@code kind} of message, with no attributes of its own. */
    @SuppressWarnings("unchecked")
    private static MessageHandlingMember<Object> handlerOf(Class<? extends Message> kind) {
        return (MessageHandlingMember<Object>) Proxy.newProxyInstance(AxonTimeLimits.class.getClassLoader(),
                new Class<?>[] {MessageHandlingMember.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "canHandleMessageType" -> ((Class<?>) args[0]).isAssignableFrom(kind);
                    case "attribute" -> Optional.empty();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "a " + kind.getSimpleName() + " handler";
                    default -> throw new UnsupportedOperationException(method.getName());
                });
    }
}
