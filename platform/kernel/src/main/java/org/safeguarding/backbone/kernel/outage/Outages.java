package org.safeguarding.backbone.kernel.outage;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * Whether a failure came from something the backbone depends on being unreachable or busy for a while (the
 * database, the broker, the schema registry), so that the same work may succeed if tried again later, as opposed
 * to work that would fail the same way every time. A Kafka consumer retries the first kind until it succeeds and
 * dead-letters only the second; an HTTP caller gets 503 with {@code Retry-After} for the first kind.
 *
 * <p>Read from the whole chain of causes, because every layer wraps: Spring's data access exceptions keep the
 * driver's {@link SQLException}, the registry client keeps the socket's {@link ConnectException}. Free of Spring:
 * the chain always ends in the JDK's or the driver's exception, and that is what is recognised.
 */
public final class Outages {

    /**
     * SQLSTATE classes and codes of a database that is unreachable or busy: connection exceptions (08), a
     * transaction to try again (40001 serialization failure, 40P01 deadlock), insufficient resources (53), an
     * operator intervening (57P01-57P03, e.g. the server shutting down), a lock or statement timeout (HYT00, H2's
     * and ODBC's; 55P03 PostgreSQL's lock not available).
     */
    private static final Set<String> TRANSIENT_SQL_STATE_PREFIXES =
            Set.of("08", "40001", "40P01", "53", "57P01", "57P02", "57P03", "HYT00", "55P03");

    /** The Kafka client's own mark for errors that may go away (a broker not available, a request timing out). */
    private static final String KAFKA_RETRIABLE = "org.apache.kafka.common.errors.RetriableException";

    private Outages() {
    }

    /** {@code failure} and each of its causes in turn, once each (a chain of causes may loop). */
    public static List<Throwable> causes(Throwable failure) {
        List<Throwable> chain = new ArrayList<>();
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Throwable cause = failure; cause != null && seen.add(cause); cause = cause.getCause()) {
            chain.add(cause);
        }
        return chain;
    }

    /** True when anything in {@code failure}'s chain of causes says a dependency was unreachable or busy. */
    public static boolean isOutage(Throwable failure) {
        return causes(failure).stream().anyMatch(Outages::isOutageItself);
    }

    private static boolean isOutageItself(Throwable failure) {
        if (failure instanceof ConnectException || failure instanceof NoRouteToHostException
                || failure instanceof UnknownHostException || failure instanceof SocketTimeoutException
                || failure instanceof SocketException || failure instanceof HttpTimeoutException
                || failure instanceof TimeoutException
                || failure instanceof SQLTransientException || failure instanceof SQLRecoverableException) {
            return true;
        }
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return TRANSIENT_SQL_STATE_PREFIXES.stream().anyMatch(state::startsWith);
        }
        for (Class<?> type = failure.getClass(); type != null; type = type.getSuperclass()) {
            if (type.getName().equals(KAFKA_RETRIABLE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What an operator may read in a log about a failure without reading any of the data it was about: the classes
     * along the chain, with the messages only of network failures and the SQLSTATE of database ones (a driver's
     * message may quote the values of the row it could not write).
     */
    public static String describe(Throwable failure) {
        StringBuilder out = new StringBuilder();
        for (Throwable cause : causes(failure)) {
            if (!out.isEmpty()) {
                out.append(" <- ");
            }
            out.append(cause.getClass().getSimpleName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                out.append(" (SQLSTATE ").append(sql.getSQLState()).append(')');
            } else if (cause instanceof java.io.IOException && cause.getMessage() != null
                    && !(cause instanceof java.io.EOFException)) {
                out.append(" (").append(cause.getMessage()).append(')');
            }
        }
        return out.toString();
    }
}
