package org.herald.events.catalogue;

import java.time.OffsetDateTime;

/**
 * Data of {@code system.broker-down}, {@code system.broker-up} and
 * {@code system.database-down}: the node that noticed, the dependency
 * ({@code broker} or {@code database}), since when it was unreachable, until
 * when ({@code null} while it still is) and the first error seen.
 */
public record DependencyOutage(
        String node, String dependency, OffsetDateTime since, OffsetDateTime until, String reason) {}
