package org.safeguarding.backbone.chronology.timeline.query;

import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;

/**
 * Reads of the chronology go on while it is rebuilt beside them; for the moment the rebuilt tables take the live
 * ones' place, a read waits rather than finds a table missing.
 */
@Component
public class ChronologySwitch {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** Runs a read of the chronology: never during a switch. */
    public <T> T reading(Supplier<T> read) {
        lock.readLock().lock();
        try {
            return read.get();
        } finally {
            lock.readLock().unlock();
        }
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
