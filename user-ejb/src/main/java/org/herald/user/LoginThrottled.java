package org.herald.user;

import jakarta.ejb.ApplicationException;

/** Too many failed logins for one email: no attempt is checked until {@link #retryAfterSeconds()} have passed. */
@ApplicationException(rollback = true)
public class LoginThrottled extends Exception {

    private final long retryAfterSeconds;

    public LoginThrottled(long retryAfterSeconds) {
        super("Too many failed logins for this email; try again in " + retryAfterSeconds + " s");
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
