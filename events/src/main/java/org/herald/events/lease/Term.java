package org.herald.events.lease;

import java.time.OffsetDateTime;

/**
 * One holder's tenure of a lease: who, which generation (it grows with each
 * new holder, never with a renewal) and until when, by the database's clock.
 * Until {@code validUntilNanos} on this node's monotonic clock the holder may
 * act without asking the database again: the lease cannot have expired yet.
 */
public record Term(String lease, String owner, long generation, OffsetDateTime expiresAt, long validUntilNanos) {

    /** Whether this node may still act in the lease's name, by its own monotonic clock. */
    public boolean valid() {
        return System.nanoTime() - validUntilNanos < 0;
    }
}
