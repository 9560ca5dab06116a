package org.safeguarding.backbone.kernel.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.EOFException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class OutagesTest {

    @Test
    void aDependencyUnreachableOrBusy_anywhereInTheChain_isAnOutage() {
        // the schema registry down, as the registry client reports it
        assertThat(Outages.isOutage(new RuntimeException(new RuntimeException(new ExecutionException(
                new ConnectException("Connection refused")))))).isTrue();
        // H2's lock timeout, as Spring would wrap it
        assertThat(Outages.isOutage(new IllegalStateException("could not update",
                new SQLTimeoutException("Timeout trying to lock table", "HYT00", 50200)))).isTrue();
        // PostgreSQL gone: the driver's plain SQLException with a connection SQLSTATE
        assertThat(Outages.isOutage(new RuntimeException(new SQLException("Connection refused", "08001")))).isTrue();
        assertThat(Outages.isOutage(new SQLException("deadlock detected", "40P01"))).isTrue();
        assertThat(Outages.isOutage(new java.util.concurrent.TimeoutException())).isTrue();
    }

    @Test
    void workThatWouldFailTheSameWayAgain_isNot() {
        assertThat(Outages.isOutage(new IllegalStateException("Unknown magic byte!"))).isFalse();
        assertThat(Outages.isOutage(new SQLIntegrityConstraintViolationException("duplicate", "23505"))).isFalse();
        assertThat(Outages.isOutage(new RuntimeException(new EOFException()))).isFalse();
        assertThat(Outages.isOutage(new NullPointerException())).isFalse();
    }

    @Test
    void aCycleOfCausesEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.initCause(second);
        assertThat(Outages.isOutage(first)).isFalse();
        assertThat(Outages.describe(first)).isEqualTo("RuntimeException <- RuntimeException");
    }

    @Test
    void aDescriptionNamesTheFailureWithoutQuotingData() {
        SQLException tooLong = new SQLException("Value too long for column STATEMENT: 'the child said ...'", "22001");
        assertThat(Outages.describe(new IllegalStateException("could not write 'the child said ...'", tooLong)))
                .isEqualTo("IllegalStateException <- SQLException (SQLSTATE 22001)")
                .doesNotContain("child");
        assertThat(Outages.describe(new RuntimeException(new ConnectException("Connection refused"))))
                .isEqualTo("RuntimeException <- ConnectException (Connection refused)");
    }
}
