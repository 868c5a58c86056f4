package org.herald.events.catalogue;

import java.time.OffsetDateTime;

/**
 * Data of {@code user.login-failed}: logins to this account failed
 * {@code failures} times in a row, so it is locked until {@code lockedUntil}.
 * One event per lockout, not per wrong password.
 */
public record UserLoginFailed(
        String userId, String email, int failures, OffsetDateTime lockedUntil, OffsetDateTime failedAt) {}
