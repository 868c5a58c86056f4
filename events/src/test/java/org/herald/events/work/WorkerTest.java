package org.herald.events.work;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

class WorkerTest {

    /** The relay's standby loop waits out the rest of a second, which can be a few microseconds. */
    @Test
    void aTimeoutUnderAMillisecondStillEnds() throws Exception {
        CountDownLatch rounds = new CountDownLatch(3);
        Worker worker = new Worker("test-worker", Logger.getLogger(WorkerTest.class.getName()), self -> {
            while (self.running()) {
                self.await(Duration.ofNanos(500));
                rounds.countDown();
            }
        });
        worker.start(Thread::new);
        try {
            assertTrue(rounds.await(5, TimeUnit.SECONDS), "the worker went on after sub-millisecond waits");
        } finally {
            worker.stop(Duration.ofSeconds(5));
        }
    }
}
