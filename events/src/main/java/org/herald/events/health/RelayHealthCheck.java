package org.herald.events.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.herald.events.relay.Relay;
import org.herald.events.store.Backlog;
import org.herald.events.store.EventStore;

/**
 * Ready while the relay runs and reaches the broker. Reports the relay's lag:
 * how many stored events wait to be published and how old the oldest is, and
 * whether this node relays ({@code lease}: {@code leader} with the lease's
 * generation) or stands by for another ({@code standby}); both are ready.
 */
@Readiness
@ApplicationScoped
public class RelayHealthCheck implements HealthCheck {

    @Inject
    Relay relay;

    @Inject
    EventStore store;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("relay")
                .withData("published", relay.published())
                .withData("lastBatchSize", relay.lastBatchSize());
        relay.leading()
                .ifPresentOrElse(
                        term -> response.withData("lease", "leader")
                                .withData("leaseOwner", term.owner())
                                .withData("leaseGeneration", term.generation()),
                        () -> response.withData("lease", "standby"));
        try {
            Backlog backlog = store.backlog();
            response.withData("unpublished", backlog.count())
                    .withData(
                            "oldestUnpublishedAgeMs",
                            backlog.oldest() == null
                                    ? 0
                                    : Math.max(
                                            0,
                                            Duration.between(backlog.oldest(), OffsetDateTime.now())
                                                    .toMillis()));
        } catch (RuntimeException e) {
            response.withData("unpublished", "unknown: " + e.getMessage());
        }
        String failure = relay.failure();
        if (failure != null) {
            response.withData("error", failure);
        }
        return response.status(relay.running() && failure == null).build();
    }
}
