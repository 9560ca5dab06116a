package org.safeguarding.backbone.messaging.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sql.DataSource;
import org.safeguarding.backbone.kernel.durability.DurableCommits;

/**
 * {@link DurableCommits} for an H2 file store: H2's {@code CHECKPOINT} writes every commit made so far to the file.
 * One checkpoint serves every caller waiting when it starts (a group commit), and checkpoints start at least {@code
 * gap} apart (10 ms in the services), callers arriving meanwhile waiting for the next, which covers them all. Each
 * checkpoint writes a chunk of the file: measured (docs/reliability.md), one per caller made the file 3 to 7 times
 * larger under load, while 10 ms apart it grew by a quarter, the commit rate staying far above what a service needs.
 * H2's own write delay stays as it is, so H2 goes on compacting its file in the background.
 */
public final class H2FileCheckpoints implements DurableCommits {

    private final DataSource store;
    private final long gapNanos;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition finished = lock.newCondition();
    /** Callers so far, each numbered; the number of the last caller a finished checkpoint covers. */
    private long callers;
    private long covered;
    private boolean running;
    /** When the last checkpoint started (System.nanoTime); at first, a gap before the service started. */
    private long lastStarted;

    public H2FileCheckpoints(DataSource store, Duration gap) {
        this.store = store;
        this.gapNanos = gap.toNanos();
        this.lastStarted = System.nanoTime() - gapNanos;
    }

    /** Whether {@code url} names an H2 store kept in a file (not in memory, not another database). */
    public static boolean isH2File(String url) {
        return url != null && url.startsWith("jdbc:h2:") && !url.startsWith("jdbc:h2:mem:")
                && !url.startsWith("jdbc:h2:tcp:") && !url.startsWith("jdbc:h2:ssl:");
    }

    @Override
    public void awaitDurable() {
        long caller;
        lock.lock();
        try {
            caller = ++callers;
            while (covered < caller && running) {
                finished.awaitUninterruptibly();
            }
            if (covered >= caller) {
                return;
            }
            running = true;
        } finally {
            lock.unlock();
        }
        // this caller runs the next checkpoint (fields below are only touched by the one running it)
        long covering = 0;
        boolean written = false;
        try {
            LockSupport.parkNanos(lastStarted + gapNanos - System.nanoTime());
            lock.lock();
            try {
                // every caller numbered so far committed before the checkpoint starts: it covers them all
                covering = callers;
            } finally {
                lock.unlock();
            }
            lastStarted = System.nanoTime();
            checkpoint();
            written = true;
        } finally {
            lock.lock();
            try {
                if (written) {
                    covered = Math.max(covered, covering);
                }
                running = false;
                finished.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    private void checkpoint() {
        try (Connection connection = store.getConnection(); Statement sql = connection.createStatement()) {
            sql.execute("CHECKPOINT");
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the store's commits to its file (CHECKPOINT)", e);
        }
    }
}
