package org.herald.events.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.herald.events.EventPipeline;
import org.herald.events.consumer.Subscriber;

/**
 * One entry per subscription: its status (running, paused, failing), events
 * applied, duplicates skipped, failed attempts, last batch size and lag. Ready while none is
 * failing or stopped; a paused subscription is an operator's choice and stays ready.
 */
@Readiness
@ApplicationScoped
public class SubscriptionsHealthCheck implements HealthCheck {

    @Inject
    EventPipeline pipeline;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("subscriptions");
        boolean up = true;
        for (Subscriber subscriber : pipeline.subscribers()) {
            String name = subscriber.getName();
            String status = subscriber.getStatus();
            up &= status.equals("running") || status.equals("paused");
            response.withData(name + ".status", status)
                    .withData(name + ".applied", subscriber.getApplied())
                    .withData(name + ".duplicates", subscriber.getDuplicates())
                    .withData(name + ".failedAttempts", subscriber.getFailedAttempts())
                    .withData(name + ".deadLettered", subscriber.getDeadLettered())
                    .withData(name + ".parked", subscriber.getParked())
                    .withData(name + ".lastBatchSize", subscriber.getLastBatchSize())
                    .withData(name + ".lagMs", subscriber.getLagMillis());
        }
        return response.status(up).build();
    }
}
