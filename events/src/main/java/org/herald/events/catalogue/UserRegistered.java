package org.herald.events.catalogue;

import java.time.OffsetDateTime;

/** Data of {@code user.registered}. */
public record UserRegistered(String userId, String email, String name, OffsetDateTime registeredAt) {}
