package org.safeguarding.backbone.chronology.timeline.integration;

import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The chronology's consumers act on different children at once, and on one child's acts one at a time: what an act
 * does (the child's area and lead agencies, the patterns in its acts) reads what the child's acts before it wrote,
 * which another consumer's transaction, still open, would hide. The consumers are given the same partitions of every
 * topic (range assignment, the topics keyed by child and partitioned alike), so a child's acts come to one consumer;
 * this holds even where they would not (a topic repartitioned, say). Striped: two children may share a lock, never
 * one child two.
 */
final class OneChildAtATime {

    private final ReentrantLock[] stripes;

    OneChildAtATime(int stripes) {
        this.stripes = new ReentrantLock[stripes];
        for (int i = 0; i < stripes; i++) {
            this.stripes[i] = new ReentrantLock();
        }
    }

    /** Runs {@code work} on {@code childId}'s act once no other consumer is acting on that child's. */
    <T> T acting(String childId, Callable<T> work) throws Exception {
        ReentrantLock lock = stripes[Math.floorMod(String.valueOf(childId).hashCode(), stripes.length)];
        lock.lockInterruptibly();
        try {
            return work.call();
        } finally {
            lock.unlock();
        }
    }
}
