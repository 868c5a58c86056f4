package org.herald.events.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.herald.events.discovery.Node;
import org.herald.events.discovery.NodePresence;

/**
 * Which node answered ({@code node}) and which Herald nodes on this database
 * are alive ({@code alive}, comma-separated). Always up: another node's
 * death does not make this one unready, and the database has its own check.
 */
@Readiness
@ApplicationScoped
public class NodesHealthCheck implements HealthCheck {

    @Inject
    Node node;

    @Inject
    NodePresence presence;

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("nodes").up().withData("node", node.name());
        try {
            response.withData("alive", String.join(",", presence.alive()));
        } catch (RuntimeException e) {
            response.withData("alive", "unknown: " + e.getMessage());
        }
        return response.build();
    }
}
