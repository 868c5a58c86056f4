package org.herald.bench;

import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

/**
 * A fixed arrival rate, independent of how fast the system answers: request
 * {@code i} is due at {@code start + i / rate}, and its latency is measured
 * from that intended time, not from when it was actually sent. A stalled
 * system therefore shows up in the percentiles (no coordinated omission).
 */
final class OpenLoop {

    private OpenLoop() {}

    /**
     * Calls {@code fire(intendedNanos)} {@code rate * seconds} times at the
     * given rate; returns the number fired. {@code fire} must not block long
     * (hand the work to another thread or an asynchronous client).
     */
    static long run(double rate, double seconds, LongConsumer fire) {
        long count = Math.round(rate * seconds);
        double interval = 1e9 / rate;
        long start = System.nanoTime() + 10_000_000L;
        for (long i = 0; i < count; i++) {
            long intended = start + Math.round(i * interval);
            long wait;
            while ((wait = intended - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            fire.accept(intended);
        }
        return count;
    }
}
