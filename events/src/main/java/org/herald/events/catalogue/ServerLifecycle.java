package org.herald.events.catalogue;

import java.time.OffsetDateTime;

/** Data of {@code system.server-started} and {@code system.server-stopping}: which node, and when. */
public record ServerLifecycle(String node, OffsetDateTime at) {}
