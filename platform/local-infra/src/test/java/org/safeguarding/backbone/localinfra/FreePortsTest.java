package org.safeguarding.backbone.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

    @Test
    void theEphemeralRangeIsTheKernels_asAnotherProgramReadsIt() throws Exception {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        assumeTrue(Files.exists(range), "a Linux kernel's port range");
        Process cat = new ProcessBuilder("cat", range.toString()).start();
        String kernels = new String(cat.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
        assertThat(cat.waitFor()).isZero();
        int start = Integer.parseInt(kernels.split("\\s+")[0]);
        assumeTrue(start > 21000, "a range starting above the ports handed out");

        assertThat(FreePorts.ephemeralRangeStart()).isEqualTo(start);
    }
}
