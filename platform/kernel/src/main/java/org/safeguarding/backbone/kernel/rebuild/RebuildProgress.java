package org.safeguarding.backbone.kernel.rebuild;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * How far a rebuild has come.
 *
 * @param done    events or records read from the log so far
 * @param total   events or records to read (grows by what arrives while it runs)
 * @param skipped records read that are not acts of the projection (its live side refused them too)
 * @param left    the time left at the rate so far; null until it can be told
 */
public record RebuildProgress(Stage stage, long done, long total, long skipped, double perSecond, Duration left,
                              Instant startedAt, Instant endedAt, String problem) {

    /** Where a rebuild is. */
    public enum Stage { NOT_STARTED, READING, CATCHING_UP, SWITCHING, DONE, FAILED }

    public static RebuildProgress notStarted() {
        return new RebuildProgress(Stage.NOT_STARTED, 0, 0, 0, 0, null, null, null, null);
    }

    public boolean running() {
        return stage == Stage.READING || stage == Stage.CATCHING_UP || stage == Stage.SWITCHING;
    }

    /** Keeps a rebuild's progress as it goes, for any thread to read; rate and time left from the clock. */
    public static final class Tracker {

        private final AtomicReference<RebuildProgress> current = new AtomicReference<>(notStarted());
        private final Clock clock;

        public Tracker(Clock clock) {
            this.clock = clock;
        }

        public RebuildProgress get() {
            return current.get();
        }

        /** A rebuild begins: {@link RebuildUnderWay} if one is running. */
        public synchronized RebuildProgress begin(String projection) {
            if (current.get().running()) {
                throw new RebuildUnderWay(projection);
            }
            current.set(new RebuildProgress(Stage.READING, 0, 0, 0, 0, null, clock.instant(), null, null));
            return current.get();
        }

        /** A rebuild begins ({@link #begin}) and runs on a thread of its own; where it is, as it starts. */
        public RebuildProgress beginInBackground(String projection, Runnable rebuild) {
            RebuildProgress started = begin(projection);
            Thread thread = new Thread(rebuild, projection + "-rebuild");
            thread.setDaemon(true);
            thread.start();
            return started;
        }

        /** There are {@code more} to read than were known. */
        public void more(Stage stage, long more) {
            RebuildProgress now = current.get();
            set(stage, now.done(), now.total() + more, now.skipped(), null);
        }

        /** {@code read} more were read, of which {@code skipped} were not acts. */
        public void read(long read, long skipped) {
            RebuildProgress now = current.get();
            set(now.stage(), now.done() + read, Math.max(now.total(), now.done() + read), now.skipped() + skipped,
                    null);
        }

        public void stage(Stage stage) {
            RebuildProgress now = current.get();
            set(stage, now.done(), now.total(), now.skipped(), null);
        }

        public void failed(String problem) {
            RebuildProgress now = current.get();
            set(Stage.FAILED, now.done(), now.total(), now.skipped(), problem);
        }

        private void set(Stage stage, long done, long total, long skipped, String problem) {
            Instant started = current.get().startedAt();
            Instant now = clock.instant();
            double seconds = Math.max(0.001, Duration.between(started, now).toMillis() / 1000.0);
            double rate = done / seconds;
            Duration left = rate > 0 && total >= done ? Duration.ofMillis((long) ((total - done) / rate * 1000)) : null;
            boolean ended = stage == Stage.DONE || stage == Stage.FAILED;
            current.set(new RebuildProgress(stage, done, total, skipped, rate, ended ? Duration.ZERO : left, started,
                    ended ? now : null, problem));
        }
    }
}
