package org.safeguarding.backbone.localinfra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Free TCP ports on 127.0.0.1, for servers that tests start beside each other.
 *
 * <p>The ports come from below the kernel's ephemeral range ({@code net.ipv4.ip_local_port_range}), never from it:
 * a port the kernel handed out as "any free port" is one it may hand out again as the source port of an outgoing
 * connection (of which a broker and four services make hundreds) before the server that was meant to have it binds
 * it, and the server then fails to start. Each port is handed out once per JVM.
 */
public final class FreePorts {

    private static final int LOWEST = 20000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePorts() {
    }

    public static synchronized int next() {
        int below = ephemeralRangeStart();
        for (int attempt = 0; attempt < 1000; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
            if (!HANDED_OUT.contains(port) && free(port)) {
                HANDED_OUT.add(port);
                return port;
            }
        }
        throw new IllegalStateException("no free port on 127.0.0.1 between " + LOWEST + " and " + below);
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** The first port of the ephemeral range (Linux), or the IANA range's start (49152) where it cannot be read. */
    static int ephemeralRangeStart() {
        try {
            // read as lines: Files.readString trusts the size /proc reports (none) and, on JDK 17, returns the
            // first byte only ("3" of "32768"), which had every port drawn from up to 49152, inside the range
            String range = Files.readAllLines(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).get(0).trim();
            int start = Integer.parseInt(range.split("\\s+")[0]);
            return start > LOWEST + 1000 ? start : 49152;
        } catch (IOException | RuntimeException e) {
            return 49152;
        }
    }
}
