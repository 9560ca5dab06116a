package org.safeguarding.backbone.chronology.timeline.integration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class OneChildAtATimeTest {

    private final OneChildAtATime oneChild = new OneChildAtATime(64);

    @Test
    void twoConsumersActingOnOneChild_actOneAfterTheOther() throws Exception {
        AtomicInteger acting = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        ExecutorService consumers = Executors.newFixedThreadPool(3);
        try {
            Future<?>[] done = new Future<?>[3];
            for (int c = 0; c < 3; c++) {
                done[c] = consumers.submit(() -> {
                    for (int act = 0; act < 50; act++) {
                        oneChild.acting("9990001936", () -> {
                            most.accumulateAndGet(acting.incrementAndGet(), Math::max);
                            Thread.sleep(1);
                            return acting.decrementAndGet();
                        });
                    }
                    return null;
                });
            }
            for (Future<?> each : done) {
                each.get(30, TimeUnit.SECONDS);
            }
        } finally {
            consumers.shutdownNow();
        }
        assertThat(most.get()).as("acts on the child at the same moment").isEqualTo(1);
    }

    @Test
    void consumersActingOnDifferentChildren_actAtOnce() throws Exception {
        // two children on different stripes: each waits inside its act until the other has begun its own
        String first = "9990001944";
        String second = "9990001952";
        assertThat(Math.floorMod(first.hashCode(), 64)).isNotEqualTo(Math.floorMod(second.hashCode(), 64));
        CountDownLatch bothActing = new CountDownLatch(2);
        ExecutorService consumers = Executors.newFixedThreadPool(2);
        try {
            Future<Boolean> a = consumers.submit(() -> oneChild.acting(first, () -> {
                bothActing.countDown();
                return bothActing.await(10, TimeUnit.SECONDS);
            }));
            Future<Boolean> b = consumers.submit(() -> oneChild.acting(second, () -> {
                bothActing.countDown();
                return bothActing.await(10, TimeUnit.SECONDS);
            }));
            assertThat(a.get(20, TimeUnit.SECONDS)).isTrue();
            assertThat(b.get(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            consumers.shutdownNow();
        }
    }
}
