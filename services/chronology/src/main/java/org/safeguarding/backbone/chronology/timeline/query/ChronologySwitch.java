package org.safeguarding.backbone.chronology.timeline.query;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import org.springframework.stereotype.Component;

/**
 * Reads of the chronology go on while it is rebuilt beside them; for the moment the rebuilt tables take the live
 * ones' place, a read waits rather than finds a table missing.
 */
@Component
public class ChronologySwitch {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** A read of the chronology under way: never during a switch. Close it when the read is done. */
    public Reading read() {
        lock.readLock().lock();
        return lock.readLock()::unlock;
    }

    /** A read under way; closing it lets a switch go ahead. */
    public interface Reading extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs the switch itself, once every read under way has finished; reads that come meanwhile wait. */
    public void switching(Runnable swap) {
        lock.writeLock().lock();
        try {
            swap.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
