package org.safeguarding.backbone.messaging.consume;

import java.util.List;
import org.safeguarding.backbone.kernel.outage.Outages;
import org.springframework.core.convert.ConversionException;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.messaging.converter.MessageConversionException;
import org.springframework.messaging.handler.invocation.MethodArgumentResolutionException;

/**
 * Which records a consumer gives up on. Only a record that can never succeed as it is goes to the dead-letter topic:
 * one its listener declares {@link UnprocessableRecord} (a type it does not know, a request the rules refuse), or
 * one that cannot be decoded (not Avro in the Confluent wire format, a schema id the registry does not have).
 * Everything else is tried again until it succeeds: a database, broker or registry that is down or busy
 * ({@link Outages}), and also a failure nobody foresaw, because a record skipped is an obligation or an entry lost
 * without anyone knowing, where a record retried holds its partition up loudly (logged, counted, in the metrics)
 * until the cause is fixed.
 */
public final class ConsumerFailures {

    /** Failures of decoding or of handing the record to its listener: the same bytes fail the same way again. */
    private static final List<Class<? extends Throwable>> UNDECODABLE = List.of(DeserializationException.class,
            MessageConversionException.class, ConversionException.class, MethodArgumentResolutionException.class,
            NoSuchMethodException.class, ClassCastException.class);

    private ConsumerFailures() {
    }

    /** True when trying {@code failure}'s record again could not succeed: it goes to the dead-letter topic. */
    public static boolean canNeverSucceed(Throwable failure) {
        if (Outages.isOutage(failure)) {
            // e.g. a record that could not be decoded because the registry was down: it will be, once it is up
            return false;
        }
        return Outages.causes(failure).stream().anyMatch(cause -> cause instanceof UnprocessableRecord
                || UNDECODABLE.stream().anyMatch(undecodable -> undecodable.isInstance(cause)));
    }
}
