package org.safeguarding.backbone.kernel.rebuild;

import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * Reads and writes of a service's projections go on while one is rebuilt beside them; for the moment the rebuilt
 * tables take the live ones' place, a read or a write waits rather than finds a table missing or writes to the one
 * stepping aside. Passing is cheap and shared; a switch waits for everything under way, and holds the rest back.
 */
public final class SwitchGate {

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** Passes the gate: never during a switch. Close it when done; a thread may pass again while it holds one. */
    public Passage pass() {
        lock.readLock().lock();
        return lock.readLock()::unlock;
    }

    /** A read or write under way; closing it lets a switch go ahead. */
    public interface Passage extends AutoCloseable {
        @Override
        void close();
    }

    /** Runs a switch once everything under way has finished; what comes meanwhile waits. */
    public void switching(Runnable swap) {
        lock.writeLock().lock();
        try {
            swap.run();
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** Whether the calling thread holds the switch (the rebuild itself, reading what came meanwhile). */
    public boolean switchingHere() {
        return lock.isWriteLockedByCurrentThread();
    }
}
