package org.herald.user;

import java.io.Serializable;
import java.time.OffsetDateTime;

/** What others may see of a user. */
public record UserProfile(String id, String email, String name, OffsetDateTime registeredAt) implements Serializable {}
