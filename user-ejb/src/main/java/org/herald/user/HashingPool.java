package org.herald.user;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A fixed number of threads with a bounded queue in front: work that finds
 * the queue full is refused at once ({@link HashingBusy}), so a burst of
 * logins costs a few 503s instead of an ever longer wait for everyone.
 */
final class HashingPool {

    private final ThreadPoolExecutor executor;

    HashingPool(int threads, int queue, ThreadFactory threadFactory) {
        executor = new ThreadPoolExecutor(
                threads,
                threads,
                0,
                TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(queue),
                threadFactory,
                new ThreadPoolExecutor.AbortPolicy());
    }

    /** Runs {@code work} on the pool and waits for its result. */
    <T> T run(Callable<T> work) {
        Future<T> result;
        try {
            result = executor.submit(work);
        } catch (RejectedExecutionException e) {
            throw new HashingBusy();
        }
        try {
            return result.get();
        } catch (InterruptedException e) {
            result.cancel(true);
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Password hashing failed", e.getCause());
        }
    }

    /** Work waiting for a thread. */
    int waiting() {
        return executor.getQueue().size();
    }

    void shutdown() {
        executor.shutdownNow();
    }
}
