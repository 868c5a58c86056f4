package org.herald.user;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class HashingPoolTest {

    @Test
    void workBeyondTheThreadsAndTheQueueIsRefusedAtOnce() throws Exception {
        HashingPool pool = new HashingPool(1, 1, Executors.defaultThreadFactory());
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try {
            CompletableFuture<String> running = CompletableFuture.supplyAsync(() -> pool.run(() -> {
                started.countDown();
                release.await();
                return "first";
            }));
            started.await(5, TimeUnit.SECONDS);
            CompletableFuture<String> queued = CompletableFuture.supplyAsync(() -> pool.run(() -> "second"));
            awaitWaiting(pool);

            assertThrows(HashingBusy.class, () -> pool.run(() -> "third"));

            release.countDown();
            assertEquals("first", running.get(5, TimeUnit.SECONDS));
            assertEquals("second", queued.get(5, TimeUnit.SECONDS));
            assertEquals("fourth", pool.run(() -> "fourth"), "room again once the queue drained");
        } finally {
            release.countDown();
            pool.shutdown();
        }
    }

    /** Polls, with a deadline, until one task waits in the queue. */
    private static void awaitWaiting(HashingPool pool) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.waiting() < 1) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the second task never reached the queue");
            }
            Thread.sleep(5);
        }
    }
}
