package org.herald.bench;

import java.util.HashMap;
import java.util.Map;

/**
 * Checks that each subject's events arrive in strictly increasing sequence
 * order: an arrival whose sequence is not above the last one seen for its
 * subject is a violation (out of order, or the same event twice).
 */
final class SequenceCheck {

    private final Map<String, Long> last = new HashMap<>();
    private long arrivals;
    private long violations;
    private String firstViolation;

    /** Records an arrival; {@code false} if it breaks its subject's order. */
    synchronized boolean arrived(String subject, long sequence) {
        arrivals++;
        Long previous = last.get(subject);
        if (previous != null && sequence <= previous) {
            violations++;
            if (firstViolation == null) {
                firstViolation = subject + ": " + sequence + " after " + previous;
            }
            return false;
        }
        last.put(subject, sequence);
        return true;
    }

    synchronized long arrivals() {
        return arrivals;
    }

    synchronized long violations() {
        return violations;
    }

    synchronized int subjects() {
        return last.size();
    }

    /** Subjects whose last sequence seen is below {@code expected}. */
    synchronized long subjectsBelow(long expected) {
        return last.values().stream().filter(s -> s < expected).count();
    }

    synchronized String firstViolation() {
        return firstViolation;
    }
}
