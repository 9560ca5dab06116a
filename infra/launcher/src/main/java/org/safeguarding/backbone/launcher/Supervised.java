package org.safeguarding.backbone.launcher;

import java.nio.file.Path;
import java.time.Duration;

/** A child process of the embedded default that the {@link Supervisor} restarts when it dies. */
interface Supervised {

    /** As the person at the terminal knows it: {@code referrals}, {@code registry}, {@code token-issuer}. */
    String name();

    /** The process running now (a new one after each restart). */
    Process process();

    /** Where its output goes. */
    Path log();

    /** As a sentence names it: "the referrals service". */
    default String described() {
        return "the " + name() + " service";
    }

    /** Its base address. */
    String url();

    /** Where its health is read: a 200 there means healthy. */
    default String healthUrl() {
        return url() + "/actuator/health";
    }

    /** Starts it again, as it was started the first time; returns once started, not necessarily healthy. */
    void restart();

    /** Waits until it reports itself healthy; fails, naming its log, if it dies or the time runs out. */
    void awaitHealthy(Duration timeout);

    /** True when it answers that it is healthy now. */
    boolean healthy();
}
