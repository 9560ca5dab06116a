package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreePortsTest {

    @Test
    void portsAreNeverFromTheEphemeralRange_soAnOutgoingConnectionCannotTakeOneFirst() {
        Set<Integer> ports = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            int port = FreePorts.next();
            assertThat(port).isBetween(20000, FreePorts.ephemeralRangeStart() - 1);
            ports.add(port);
        }
        assertThat(ports).as("each port handed out once").hasSize(50);
    }
}
