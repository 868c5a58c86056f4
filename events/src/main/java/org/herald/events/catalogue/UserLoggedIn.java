package org.herald.events.catalogue;

import java.time.OffsetDateTime;

/** Data of {@code user.logged-in}: a successful login (the token itself is never in an event). */
public record UserLoggedIn(String userId, String email, OffsetDateTime loggedInAt) {}
