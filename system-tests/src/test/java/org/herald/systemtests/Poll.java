package org.herald.systemtests;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls until a condition holds or a deadline passes: the tests' only way to wait. */
final class Poll {

    private static final long INTERVAL_MILLIS = 25;

    private Poll() {}

    /** The first value that satisfies {@code done}; fails with the last value seen at the deadline. */
    static <T> T until(Supplier<T> probe, Predicate<T> done, Duration timeout, String what) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(
                        "Timed out after " + timeout.toMillis() + " ms waiting for " + what + "; last seen: " + last);
            }
            try {
                Thread.sleep(INTERVAL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what, e);
            }
            last = probe.get();
        }
        return last;
    }
}
