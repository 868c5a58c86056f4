package org.herald.user;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Counts failed logins per email, known or not (throttling only known ones
 * would tell which are registered). After {@code herald.login.max-failures}
 * (default 5) failures in a row, that email's logins are refused unchecked
 * for {@code herald.login.lockout-seconds} (default 60); a success clears the
 * count. Kept in this node's memory, for at most
 * {@code herald.login.tracked-emails} emails (the least recently failed are
 * forgotten first): an attacker spreading guesses over several nodes gets
 * that many more.
 */
@ApplicationScoped
public class LoginThrottle {

    /**
     * What a failure led to: the failures in a row, and until when the email
     * is locked (null if it is not). Only the failure that locks has a time:
     * while locked, logins are refused before they could fail.
     */
    public record Failure(int failures, Instant lockedUntil) {

        public boolean locked() {
            return lockedUntil != null;
        }
    }

    @Inject
    @ConfigProperty(name = "herald.login.max-failures", defaultValue = "5")
    int maxFailures;

    @Inject
    @ConfigProperty(name = "herald.login.lockout-seconds", defaultValue = "60")
    long lockoutSeconds;

    @Inject
    @ConfigProperty(name = "herald.login.tracked-emails", defaultValue = "100000")
    int trackedEmails;

    Clock clock = Clock.systemUTC();
    private final Map<String, Failure> failures = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Failure> eldest) {
            return size() > trackedEmails;
        }
    };

    /** Fails if {@code email} is locked now. */
    public synchronized void check(String email) throws LoginThrottled {
        Failure failure = failures.get(email);
        if (failure == null || failure.lockedUntil() == null) {
            return;
        }
        Duration left = Duration.between(clock.instant(), failure.lockedUntil());
        if (left.isNegative() || left.isZero()) {
            failures.remove(email); // served its time: a fresh count
            return;
        }
        throw new LoginThrottled(Math.max(1, (left.toMillis() + 999) / 1000));
    }

    /** Records a failure; the one that reaches the limit locks the email. */
    public synchronized Failure failed(String email) {
        Failure before = failures.get(email);
        int count = before == null ? 1 : before.failures() + 1;
        Instant lockedUntil = count >= maxFailures ? clock.instant().plusSeconds(lockoutSeconds) : null;
        Failure failure = new Failure(count, lockedUntil);
        failures.put(email, failure);
        return failure;
    }

    public synchronized void succeeded(String email) {
        failures.remove(email);
    }
}
