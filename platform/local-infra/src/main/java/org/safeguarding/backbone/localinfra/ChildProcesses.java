package org.safeguarding.backbone.localinfra;

import java.util.concurrent.TimeUnit;

/** Stopping the processes the backbone starts: politely first (SIGTERM, so they shut down cleanly), then firmly. */
public final class ChildProcesses {

    private ChildProcesses() {
    }

    public static void stop(Process process, long graceSeconds) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(graceSeconds, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
