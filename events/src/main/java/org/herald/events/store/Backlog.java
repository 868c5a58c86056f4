package org.herald.events.store;

import java.time.OffsetDateTime;

/** The events not yet published: how many, and when the oldest of them happened ({@code null} if none). */
public record Backlog(long count, OffsetDateTime oldest) {}
